package vn.giadinhso.hub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.giadinhso.hub.identity.CitizenIdNumber;

/**
 * Turns a posted body into validated events, or refuses the whole batch naming the event and the
 * field, so a kiosk's developer (or its log) knows exactly what to fix.
 */
public final class EventBatchReader {
  public static final int MAX_BYTES = 1024 * 1024;
  public static final int MAX_EVENTS = 1000;
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Set<String> EVENT_FIELDS = Set.of("id", "type", "at", "payload");

  private final ObjectMapper mapper;

  public EventBatchReader() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
        .build();
    this.mapper = new ObjectMapper(factory);
  }

  public List<IncomingEvent> read(byte[] body) throws BatchRejected {
    if (body.length > MAX_BYTES) {
      throw BatchRejected.tooLarge("a batch may be at most 1 MiB; send fewer events per batch");
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw BatchRejected.invalid("malformed JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")"));
    } catch (IOException e) {
      throw BatchRejected.invalid("unreadable body: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw BatchRejected.invalid("body must be a JSON object {\"events\":[…]}");
    }
    JsonNode events = root.get("events");
    if (events == null || !events.isArray()) {
      throw BatchRejected.invalid("field \"events\": must be an array");
    }
    if (events.size() > MAX_EVENTS) {
      throw BatchRejected.tooLarge("a batch may hold at most " + MAX_EVENTS + " events, this one has "
          + events.size() + "; split it");
    }
    List<IncomingEvent> out = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      out.add(event(i, events.get(i)));
    }
    return out;
  }

  private IncomingEvent event(int index, JsonNode node) throws BatchRejected {
    String where = "events[" + index + "]";
    if (!node.isObject()) {
      throw BatchRejected.invalid(where + ": must be an object");
    }
    JsonNode idNode = node.get("id");
    if (idNode != null && idNode.isTextual()) {
      where += " (id " + truncate(idNode.asText()) + ")";
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!EVENT_FIELDS.contains(name)) {
        throw BatchRejected.invalid(where + ": unknown field \"" + truncate(name) + "\"");
      }
    }
    String id = text(node, "id", where);
    if (!CANONICAL_UUID.matcher(id).matches() || UUID.fromString(id).version() != 7) {
      throw BatchRejected.invalid(where + ": field \"id\": must be a lower-case UUIDv7 (time-ordered)");
    }
    String type = text(node, "type", where);
    if (type.length() > 64 || !TYPE.matcher(type).matches()) {
      throw BatchRejected.invalid(where + ": field \"type\": must be dotted lower-case words, e.g. attendance.checked_in");
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(text(node, "at", where)).toInstant();
    } catch (DateTimeParseException e) {
      throw BatchRejected.invalid(where + ": field \"at\": must be an ISO-8601 instant such as 2026-11-21T08:30:00Z");
    }
    JsonNode payload = node.get("payload");
    if (payload == null || !payload.isObject()) {
      throw BatchRejected.invalid(where + ": field \"payload\": must be an object (may be empty)");
    }
    refusePlainIdNumbers(payload, where + ": field \"payload");
    return new IncomingEvent(id, type, at, payload.toString());
  }

  /** The log must never hold a citizen ID in clear; kiosks send keyed hashes. */
  private static void refusePlainIdNumbers(JsonNode node, String path) throws BatchRejected {
    if (node.isTextual() && CitizenIdNumber.looksLikeOne(node.asText().strip())) {
      throw BatchRejected.invalid(path + "\": looks like a plain citizen ID number; send the member hash instead");
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        refusePlainIdNumbers(field.getValue(), path + "." + truncate(field.getKey()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refusePlainIdNumbers(node.get(i), path + "[" + i + "]");
      }
    }
  }

  private static String text(JsonNode node, String field, String where) throws BatchRejected {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw BatchRejected.invalid(where + ": field \"" + field + "\": missing");
    }
    if (!value.isTextual()) {
      throw BatchRejected.invalid(where + ": field \"" + field + "\": must be a string");
    }
    return value.asText();
  }

  private static String truncate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
