package vn.giadinhso.hub.field;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.giadinhso.hub.ingest.UnsafeCharacters;
import vn.giadinhso.protocol.IdNumberText;

/**
 * Reads a batch of field records, {@code {"records": [...]}}, checking every field before anything
 * is stored: the batch is taken whole or refused whole with the first problem found. A phone
 * batch is small (a day's visits), so a tree parse is fine here, unlike the kiosk's event stream.
 */
public final class FieldBatchReader {
  /** A day of a busy team member's records is a few kilobytes. */
  public static final int MAX_BYTES = 256 * 1024;
  public static final int MAX_RECORDS = 100;
  static final int MAX_TEXT = 500;
  static final int MAX_WORDS = 20;
  private static final Pattern UUID7 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  private static final Pattern WORD = Pattern.compile("[a-z0-9-]{1,64}");
  /** Session ids: "s-" and a UUID from the dashboard, or what a kiosk made when it opened one. */
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final Set<String> FIELDS = Set.of("id", "kind", "at", "householdCode", "memberSeq", "memberName",
      "topics", "criteria", "canDoAlone", "criterionId", "note",
      "sessionId");
  private static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");

  private final ObjectMapper json;

  public FieldBatchReader(ObjectMapper json) {
    this.json = json;
  }

  public List<FieldRecord> read(byte[] body) throws FieldBatchRejected {
    if (body.length > MAX_BYTES) {
      throw FieldBatchRejected.tooLarge("a batch may be at most " + MAX_BYTES / 1024 + " KiB; send fewer records per batch");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw FieldBatchRejected.invalid("malformed JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw FieldBatchRejected.invalid("unreadable body");
    }
    if (root == null || !root.isObject() || root.size() != 1 || !root.path("records").isArray()) {
      throw FieldBatchRejected.invalid("body must be a JSON object {\"records\":[…]}");
    }
    JsonNode records = root.get("records");
    if (records.size() > MAX_RECORDS) {
      throw FieldBatchRejected.tooLarge("a batch may hold at most " + MAX_RECORDS + " records; split it");
    }
    List<FieldRecord> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      out.add(record(records.get(i), "records[" + i + "]"));
    }
    return out;
  }

  private static FieldRecord record(JsonNode node, String where) throws FieldBatchRejected {
    if (!node.isObject()) {
      throw FieldBatchRejected.invalid(where + ": must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw FieldBatchRejected.invalid(where + ": unknown field \"" + (WORD.matcher(name).matches() ? name : "?") + "\"");
      }
    }
    String id = text(node, where, "id", 36, true);
    if (!UUID7.matcher(id).matches()) {
      throw FieldBatchRejected.invalid(where + ": field \"id\": must be a lower-case UUIDv7 made on the phone");
    }
    where = where + " (id " + id + ")";
    String kindName = text(node, where, "kind", 40, true);
    String at0 = where;
    FieldRecordKind kind = FieldRecordKind.of(kindName).orElseThrow(() -> FieldBatchRejected.invalid(
        at0 + ": field \"kind\": must be home-visit, criterion-verified, vneid-verified or attendance"));
    Instant at;
    try {
      at = Instant.parse(text(node, where, "at", 40, true));
    } catch (DateTimeParseException e) {
      throw FieldBatchRejected.invalid(where + ": field \"at\": must be an ISO-8601 instant such as 2026-12-01T08:30:00Z");
    }
    if (at.isBefore(EARLIEST) || at.getEpochSecond() > 253402300799L) {
      throw FieldBatchRejected.invalid(where + ": field \"at\": check the phone's clock");
    }
    String household = text(node, where, "householdCode", 40, true);
    if (!CODE.matcher(household).matches()) {
      throw FieldBatchRejected.invalid(where + ": field \"householdCode\": not a household code");
    }
    Integer seq = null;
    if (node.hasNonNull("memberSeq")) {
      if (!node.get("memberSeq").canConvertToInt() || !node.get("memberSeq").isIntegralNumber()
          || node.get("memberSeq").intValue() < 0 || node.get("memberSeq").intValue() > 99) {
        throw FieldBatchRejected.invalid(where + ": field \"memberSeq\": a member's place in the list, 0-99");
      }
      seq = node.get("memberSeq").intValue();
    }
    String memberName = text(node, where, "memberName", 120, false);
    if ((seq == null) != (memberName == null)) {
      throw FieldBatchRejected.invalid(where + ": fields \"memberSeq\" and \"memberName\" come together");
    }
    List<String> topics = words(node, where, "topics");
    List<String> criteria = words(node, where, "criteria");
    String canDoAlone = text(node, where, "canDoAlone", MAX_TEXT, false);
    String criterionId = text(node, where, "criterionId", 64, false);
    String note = text(node, where, "note", MAX_TEXT, false);
    String sessionId = text(node, where, "sessionId", 100, false);
    if (sessionId != null && kind != FieldRecordKind.ATTENDANCE) {
      throw FieldBatchRejected.invalid(where + ": field \"sessionId\" belongs to an attendance record only");
    }
    switch (kind) {
      case HOME_VISIT -> {
        if (criterionId != null) {
          throw FieldBatchRejected.invalid(where + ": a home visit names criteria helped with in \"criteria\", not \"criterionId\"");
        }
      }
      case CRITERION_VERIFIED -> {
        if (criterionId == null || !WORD.matcher(criterionId).matches()) {
          throw FieldBatchRejected.invalid(where + ": field \"criterionId\": the criterion verified");
        }
        if (!topics.isEmpty() || !criteria.isEmpty() || canDoAlone != null) {
          throw FieldBatchRejected.invalid(where + ": a verified criterion carries no topics, criteria or canDoAlone");
        }
      }
      case VNEID_VERIFIED -> {
        if (seq == null) {
          throw FieldBatchRejected.invalid(where + ": VNeID level 2 is verified for a member: \"memberSeq\" and \"memberName\"");
        }
        if (criterionId != null || !topics.isEmpty() || !criteria.isEmpty() || canDoAlone != null) {
          throw FieldBatchRejected.invalid(where + ": a VNeID verification carries a member and a note only");
        }
      }
      case ATTENDANCE -> {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
          throw FieldBatchRejected.invalid(where + ": field \"sessionId\": the session checked in to");
        }
        if (criterionId != null || !topics.isEmpty() || !criteria.isEmpty() || canDoAlone != null) {
          throw FieldBatchRejected.invalid(where + ": a check-in carries a session, a household, a member or none, and a note");
        }
      }
    }
    return new FieldRecord(id, kind, at, household, seq, memberName, topics, criteria, canDoAlone, criterionId, note,
        sessionId);
  }

  /** A text field: a string, within its length, no control characters, no citizen ID number. */
  private static String text(JsonNode node, String where, String field, int max, boolean required) throws FieldBatchRejected {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw FieldBatchRejected.invalid(where + ": field \"" + field + "\" is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw FieldBatchRejected.invalid(where + ": field \"" + field + "\": must be a string");
    }
    String s = value.textValue().strip();
    if (s.isEmpty()) {
      if (required) {
        throw FieldBatchRejected.invalid(where + ": field \"" + field + "\" is required");
      }
      return null;
    }
    if (s.length() > max) {
      throw FieldBatchRejected.invalid(where + ": field \"" + field + "\": at most " + max + " characters");
    }
    if (UnsafeCharacters.in(s)) {
      throw FieldBatchRejected.invalid(where + ": field \"" + field + "\": holds a control character");
    }
    // The ID number stays on the phone: a note that holds one is refused, not stored.
    if (IdNumberText.containsIdNumber(s)) {
      throw FieldBatchRejected.invalid(where + ": field \"" + field + "\": holds what looks like a citizen ID number; "
          + "leave it out");
    }
    return s;
  }

  private static List<String> words(JsonNode node, String where, String field) throws FieldBatchRejected {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray() || value.size() > MAX_WORDS) {
      throw FieldBatchRejected.invalid(where + ": field \"" + field + "\": an array of at most " + MAX_WORDS + " ids");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode word : value) {
      if (!word.isTextual() || !WORD.matcher(word.textValue()).matches()) {
        throw FieldBatchRejected.invalid(where + ": field \"" + field + "\": ids of a-z 0-9 -");
      }
      if (!out.contains(word.textValue())) {
        out.add(word.textValue());
      }
    }
    return out;
  }
}
