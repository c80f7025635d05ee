package vn.giadinhso.hub.ingest;

import com.ethlo.time.ITU;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.giadinhso.protocol.CitizenIdNumber;
import vn.giadinhso.protocol.EventTypes;
import vn.giadinhso.protocol.IdNumberText;

/**
 * Turns a posted body into validated events, or refuses the whole batch naming the event and the
 * field, so a kiosk's developer (or its log) knows exactly what to fix.
 *
 * <p>It reads the body as a token stream, not a tree, and keeps each payload as the exact bytes
 * that arrived: ingest is the hub's hottest path, and building then re-serialising a tree per
 * event cost more than storing it.
 */
public final class EventBatchReader {
  public static final int MAX_BYTES = 1024 * 1024;
  public static final int MAX_EVENTS = 1000;
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  // The types kiosks send all day skip the pattern; any other type is checked against it.
  private static final Set<String> KNOWN_TYPES = EventTypes.KNOWN;

  // Event times the log and the dashboard's month arithmetic can hold (SQLite's dates end at 9999;
  // a UUIDv7 cannot be older than 1970). Outside them: 400, never a 500 the kiosk retries forever.
  static final Instant EARLIEST_AT = Instant.EPOCH;
  static final Instant LATEST_AT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  // A repeated key is refused: two readers of one stored payload could otherwise each see a
  // different value (Jackson keeps the last, SQLite's json_extract the first).
  private final JsonFactory factory = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  public List<IncomingEvent> read(byte[] body) throws BatchRejected {
    if (body.length > MAX_BYTES) {
      throw BatchRejected.tooLarge("a batch may be at most 1 MiB; send fewer events per batch");
    }
    Position where = new Position();
    try (JsonParser parser = factory.createParser(body)) {
      List<IncomingEvent> events = null;
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw BatchRejected.invalid("body must be a JSON object {\"events\":[…]}");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!"events".equals(field)) {
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          throw BatchRejected.invalid("field \"events\": must be an array");
        }
        events = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (events.size() == MAX_EVENTS) {
            throw BatchRejected.tooLarge("a batch may hold at most " + MAX_EVENTS + " events; split it");
          }
          where.index = events.size();
          where.id = null;
          events.add(event(parser, where, body));
        }
        where.index = -1;
      }
      if (parser.nextToken() != null) {
        throw BatchRejected.invalid("malformed JSON: unexpected content after the body object");
      }
      if (events == null) {
        throw BatchRejected.invalid("field \"events\": must be an array");
      }
      return events;
    } catch (JsonProcessingException e) {
      if (e instanceof StreamReadException read && read.getProcessor() != null
          && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
        throw BatchRejected.invalid((where.index >= 0 ? where + ": " : "") + "field \""
            + path(read.getProcessor().getParsingContext(), true) + "\" appears twice");
      }
      throw BatchRejected.invalid("malformed JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")"));
    } catch (IOException e) {
      throw BatchRejected.invalid("unreadable body: " + e.getMessage());
    }
  }

  /**
   * Which event an error is about, e.g. {@code events[3] (id 0193…)}; only turned into text when
   * there is an error, since this runs for every event.
   */
  private static final class Position {
    int index = -1;
    String id;

    @Override
    public String toString() {
      // Only a well-formed id is repeated: anything else could carry control characters or a number.
      return "events[" + index + "]" + (id == null || !isCanonicalUuid(id) ? "" : " (id " + id + ")");
    }
  }

  private IncomingEvent event(JsonParser parser, Position where, byte[] body) throws IOException, BatchRejected {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw BatchRejected.invalid(where + ": must be an object");
    }
    String id = null;
    String type = null;
    String at = null;
    String payload = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "id" -> {
          id = string(parser, value, where, field);
          where.id = id;
        }
        case "type" -> type = string(parser, value, where, field);
        case "at" -> at = string(parser, value, where, field);
        case "payload" -> payload = payload(parser, value, where, body);
        default -> throw BatchRejected.invalid(where + ": unknown field \"" + printable(field) + "\"");
      }
    }
    require(id, where, "id");
    if (!isCanonicalUuid(id) || id.charAt(14) != '7') { // index 14: the UUID's version digit
      throw BatchRejected.invalid(where + ": field \"id\": must be a lower-case UUIDv7 (time-ordered)");
    }
    require(type, where, "type");
    if (!KNOWN_TYPES.contains(type)) {
      if (type.length() > 64 || !TYPE.matcher(type).matches()) {
        throw BatchRejected.invalid(where + ": field \"type\": must be dotted lower-case words, e.g. attendance.checked_in");
      }
      if (IdNumberText.containsIdNumber(type)) {
        throw BatchRejected.invalid(where + ": field \"type\": holds what looks like a citizen ID number");
      }
    }
    require(at, where, "at");
    Instant instant;
    try {
      // ITU: a strict RFC 3339 parser, ~10x faster than java.time's formatter on this hot path.
      instant = ITU.parseDateTime(at).toInstant();
    } catch (DateTimeException | ArithmeticException e) {
      throw BatchRejected.invalid(where + ": field \"at\": must be an ISO-8601 instant such as 2026-11-21T08:30:00Z");
    }
    if (instant.isBefore(EARLIEST_AT) || instant.isAfter(LATEST_AT)) {
      throw BatchRejected.invalid(where + ": field \"at\": must lie between 1970-01-01 and 9999-12-31 (UTC); "
          + "check the kiosk's clock");
    }
    if (payload == null) {
      throw BatchRejected.invalid(where + ": field \"payload\": must be an object (may be empty)");
    }
    return new IncomingEvent(id, type, instant, payload);
  }

  /**
   * Walks the payload object and returns its bytes as they arrived, refusing anything that holds a
   * citizen ID number (the log must never hold one; kiosks send keyed hashes) in any shape
   * {@link IdNumberText} knows — a string value, a key, or an integer that lost its leading zero —
   * and control characters in keys and in ids (they would otherwise reach log lines).
   */
  private static String payload(JsonParser parser, JsonToken value, Position where, byte[] body)
      throws IOException, BatchRejected {
    if (value != JsonToken.START_OBJECT) {
      throw BatchRejected.invalid(where + ": field \"payload\": must be an object (may be empty)");
    }
    int start = (int) parser.currentTokenLocation().getByteOffset();
    int depth = 1;
    while (depth > 0) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        depth++;
      } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        depth--;
      } else if (token == JsonToken.FIELD_NAME) {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (UnsafeCharacters.in(chars, offset, length)) {
          throw BatchRejected.invalid(where + ": field \"" + path(parser.getParsingContext(), false)
              + "\": a key holds a control character");
        }
        if (IdNumberText.containsIdNumber(chars, offset, length)) {
          throw BatchRejected.invalid(where + ": field \"" + path(parser.getParsingContext(), false)
              + "\": a key looks like a plain citizen ID number; send the member hash instead");
        }
      } else if (token == JsonToken.VALUE_STRING) {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (IdNumberText.containsIdNumber(chars, offset, length)) {
          throw BatchRejected.invalid(where + ": field \"" + path(parser.getParsingContext(), true)
              + "\": looks like a plain citizen ID number; send the member hash instead");
        }
        if (UnsafeCharacters.in(chars, offset, length) && isId(parser.getParsingContext())) {
          throw BatchRejected.invalid(where + ": field \"" + path(parser.getParsingContext(), true)
              + "\": an id may not hold control characters");
        }
      } else if (token == JsonToken.VALUE_NUMBER_INT) {
        if (parser.getTextLength() >= 10 && IdNumberText.isIdNumberAsInteger(parser.getText())) {
          throw numberRefused(parser, where);
        }
      } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        BigDecimal number = parser.getDecimalValue().stripTrailingZeros();
        if (number.scale() <= 0 && number.precision() - number.scale() <= 12
            && IdNumberText.isIdNumberAsInteger(number.toBigInteger().toString())) {
          throw numberRefused(parser, where);
        }
      }
    }
    int end = (int) parser.currentLocation().getByteOffset();
    return new String(body, start, end - start, StandardCharsets.UTF_8);
  }

  private static BatchRejected numberRefused(JsonParser parser, Position where) {
    return BatchRejected.invalid(where + ": field \"" + path(parser.getParsingContext(), true)
        + "\": a number that looks like a plain citizen ID number; send the member hash instead");
  }

  /**
   * {@code payload.member.id} for the value being read; without {@code withKey}, the object that
   * holds the key being read (a key may be the very thing that must not be repeated).
   */
  private static String path(JsonStreamContext context, boolean withKey) {
    if (context == null) {
      return "?";
    }
    JsonStreamContext from = withKey ? context : context.getParent();
    StringBuilder out = new StringBuilder();
    for (JsonStreamContext c = from; c != null && !c.inRoot(); c = c.getParent()) {
      String step = c.inArray() ? Integer.toString(Math.max(0, c.getCurrentIndex())) : c.getCurrentName();
      out.insert(0, printable(step == null ? "?" : step)).insert(0, '.');
    }
    // Drop the batch's own levels (".events.3"), which the event's position already names.
    String path = out.toString();
    if (path.startsWith(".events.")) {
      int next = path.indexOf('.', ".events.".length());
      path = next < 0 ? "" : path.substring(next + 1);
    } else if (path.startsWith(".")) {
      path = path.substring(1);
    }
    return path;
  }

  /** Whether the string being read is an id: a value under a key such as id, sessionId, householdCode, memberHash, or in criteria. */
  private static boolean isId(JsonStreamContext context) {
    String name = context.inArray() ? (context.getParent() == null ? null : context.getParent().getCurrentName())
        : context.getCurrentName();
    return name != null && (name.equals("id") || name.endsWith("Id") || name.endsWith("Code") || name.endsWith("Hash")
        || name.equals("criteria") || name.endsWith("Ids") || name.endsWith("Codes"));
  }


  private static String string(JsonParser parser, JsonToken value, Position where, String field)
      throws IOException, BatchRejected {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_STRING) {
      throw BatchRejected.invalid(where + ": field \"" + field + "\": must be a string");
    }
    return parser.getText();
  }

  /** Lower-case 8-4-4-4-12 hex, the form kiosks send; a loop because this runs for every event. */
  private static boolean isCanonicalUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static void require(String value, Position where, String field) throws BatchRejected {
    if (value == null) {
      throw BatchRejected.invalid(where + ": field \"" + field + "\": missing");
    }
  }

  /** For messages: at most 40 characters, control characters shown as {@code ?}. */
  private static String printable(String s) {
    String clipped = s.length() <= 40 ? s : s.substring(0, 40) + "…";
    StringBuilder out = new StringBuilder(clipped.length());
    for (char c : clipped.toCharArray()) {
      out.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) ? '?' : c);
    }
    return out.toString();
  }
}
