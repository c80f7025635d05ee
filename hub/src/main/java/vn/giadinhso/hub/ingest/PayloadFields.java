package vn.giadinhso.hub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields a projection reads from an event's payload, as text the way the dashboard tables
 * have always held them (what SQLite's {@code json_extract} gave the old triggers): a string as
 * is, a number or {@code true}/{@code false} (1/0) as its text, an object or array as its JSON,
 * and an absent field or JSON null as null. Only the few types that are projected are parsed; the
 * batch reader keeps payloads as bytes (ingest's hot path, see {@link EventBatchReader}).
 */
final class PayloadFields {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode payload;

  private PayloadFields(JsonNode payload) {
    this.payload = payload;
  }

  static PayloadFields of(IncomingEvent event) {
    try {
      return new PayloadFields(JSON.readTree(event.payload()));
    } catch (JsonProcessingException e) {
      // The reader validated it as a JSON object; should that ever fail, project nothing from it.
      return new PayloadFields(JSON.createObjectNode());
    }
  }

  String text(String field) {
    JsonNode value = payload.get(field);
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "1" : "0";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
