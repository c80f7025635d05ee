package vn.giadinhso.hub.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.audit.AuditLog;
import vn.giadinhso.hub.storage.Database;

/**
 * Removes personal data past its period (docs/privacy.md "Retention"), in batches of {@link #BATCH}
 * rows per transaction so kiosks' batches never wait long behind it, and writes one audit entry
 * per run with how much went. What is counted stays: support requests, attendance rows (anonymous),
 * events, field records and every projection the dashboard and reports count from.
 */
public final class Retention {
  public static final String AUDIT_ACTOR = "system:retention";
  public static final String AUDIT_ACTION = "retention.run";
  static final int BATCH = 500;
  /** The payload fields that name or reach a person or a household; all else in an event is not personal. */
  static final List<String> PERSONAL_FIELDS = List.of("householdCode", "memberHash", "memberSealed", "phone");
  /** A field record's free texts: in the team member's words, they may name anyone. */
  static final List<String> FIELD_RECORD_TEXTS = List.of("canDoAlone", "note");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;
  private final CommuneRetention communes;

  public Retention(Database db, AuditLog audit, Clock clock, CommuneRetention communes) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
    this.communes = communes;
  }

  /**
   * One run: communes with periods of their own ({@link CommuneRetention}) by those, every other
   * commune by {@code hubDefault}.
   */
  public RetentionRun run(RetentionPolicy hubDefault, boolean dryRun) {
    Map<String, RetentionPolicy> own = communes.policies(hubDefault);
    RetentionRun run = run(hubDefault, RetentionScope.allBut(own.keySet()), dryRun);
    for (Map.Entry<String, RetentionPolicy> commune : own.entrySet()) {
      run = run.plus(run(commune.getValue(), RetentionScope.only(commune.getKey()), dryRun));
    }
    String periods = periods(hubDefault, own);
    if (!dryRun) {
      audit.record(AUDIT_ACTOR, null, AUDIT_ACTION, "personal data past its retention period", run.detail(periods));
    }
    return run;
  }

  /** The periods a run with {@code hubDefault} uses, for the operator and the audit log. */
  public String periods(RetentionPolicy hubDefault) {
    return periods(hubDefault, communes.policies(hubDefault));
  }

  private static String periods(RetentionPolicy hubDefault, Map<String, RetentionPolicy> own) {
    StringBuilder text = new StringBuilder(hubDefault.toString());
    own.forEach((commune, policy) -> text.append("; ").append(commune).append(": ").append(policy));
    return text.toString();
  }

  private RetentionRun run(RetentionPolicy policy, RetentionScope scope, boolean dryRun) {
    String phoneCutoff = clock.instant().minus(policy.supportPhone()).toString();
    String attendanceCutoff = clock.instant().minus(policy.attendance()).toString();
    String eventCutoff = clock.instant().minus(policy.eventFields()).toString();
    return new RetentionRun(dryRun,
        supportPhones(phoneCutoff, scope, dryRun),
        attendanceLinks(attendanceCutoff, scope, dryRun),
        pendingCheckIns(attendanceCutoff, scope, dryRun),
        eventFields(eventCutoff, scope, dryRun),
        fieldRecords(eventCutoff, scope, dryRun));
  }

  private long supportPhones(String cutoff, RetentionScope scope, boolean dryRun) {
    String where = "at < :cutoff AND phone IS NOT NULL AND " + scope.kioskClause();
    if (dryRun) {
      return count("support_request", where, cutoff, scope);
    }
    return inBatches(h -> {
      List<String> ids = scope.bind(h.createQuery("SELECT event_id FROM support_request WHERE " + where + " LIMIT " + BATCH))
          .bind("cutoff", cutoff).mapTo(String.class).list();
      if (!ids.isEmpty()) {
        h.createUpdate("UPDATE support_request SET phone = NULL WHERE event_id IN (<ids>)").bindList("ids", ids).execute();
      }
      return ids.size();
    });
  }

  /**
   * The row stays (sessions' and months' counts, "people at this session") with a random key in
   * place of the member hash or household code; nothing links it to anyone any more.
   */
  private long attendanceLinks(String cutoff, RetentionScope scope, boolean dryRun) {
    String where = "at < :cutoff AND (household_code IS NOT NULL OR person_key NOT LIKE 'r:%') AND "
        + scope.attendanceClause();
    if (dryRun) {
      return count("attendance", where, cutoff, scope);
    }
    return inBatches(h -> {
      List<Map<String, Object>> rows = scope.bind(h.createQuery("SELECT session_id, person_key FROM attendance WHERE "
          + where + " LIMIT " + BATCH)).bind("cutoff", cutoff).mapToMap().list();
      var update = h.prepareBatch("UPDATE attendance SET person_key = :anonymous, household_code = NULL "
          + "WHERE session_id = :s AND person_key = :p");
      for (Map<String, Object> r : rows) {
        update.bind("anonymous", "r:" + UUID.randomUUID()).bind("s", r.get("session_id")).bind("p", r.get("person_key"))
            .add();
      }
      if (!rows.isEmpty()) {
        update.execute();
      }
      return rows.size();
    });
  }

  /** Check-ins held for a session the hub never learnt of: past the period they will never count. */
  private long pendingCheckIns(String cutoff, RetentionScope scope, boolean dryRun) {
    String where = "at < :cutoff AND " + scope.communeClause();
    if (dryRun) {
      return count("attendance_pending", where, cutoff, scope);
    }
    return inBatches(h -> {
      List<Map<String, Object>> rows = scope.bind(h.createQuery("SELECT session_id, person_key FROM attendance_pending "
          + "WHERE " + where + " LIMIT " + BATCH)).bind("cutoff", cutoff).mapToMap().list();
      var delete = h.prepareBatch("DELETE FROM attendance_pending WHERE session_id = :s AND person_key = :p");
      rows.forEach(r -> delete.bind("s", r.get("session_id")).bind("p", r.get("person_key")).add());
      if (!rows.isEmpty()) {
        delete.execute();
      }
      return rows.size();
    });
  }

  /**
   * Walks the old events in id order (each row read once per run), taking the personal fields out
   * of those that have any. The LIKE filter only narrows; the JSON decides.
   */
  private long eventFields(String cutoff, RetentionScope scope, boolean dryRun) {
    String[] after = {""};
    long changed = 0;
    while (true) {
      long[] found = {0};
      long n = db.writer().inTransaction(h -> {
        List<Map<String, Object>> rows = scope.bind(h.createQuery("SELECT id, payload FROM event WHERE id > :after "
                + "AND at < :cutoff AND " + scope.kioskClause() + " AND ("
                + String.join(" OR ", PERSONAL_FIELDS.stream().map(f -> "payload LIKE '%\"" + f + "\"%'").toList())
                + ") ORDER BY id LIMIT " + BATCH))
            .bind("after", after[0]).bind("cutoff", cutoff).mapToMap().list();
        found[0] = rows.size();
        var update = h.prepareBatch("UPDATE event SET payload = :payload WHERE id = :id");
        long stripped = 0;
        for (Map<String, Object> r : rows) {
          after[0] = (String) r.get("id");
          ObjectNode payload = parse((String) r.get("payload"));
          if (payload == null || PERSONAL_FIELDS.stream().noneMatch(payload::has)) {
            continue;
          }
          payload.remove(PERSONAL_FIELDS);
          update.bind("payload", payload.toString()).bind("id", r.get("id")).add();
          stripped++;
        }
        if (stripped > 0 && !dryRun) {
          update.execute();
        }
        return stripped;
      });
      changed += n;
      if (found[0] < BATCH) {
        return changed;
      }
    }
  }

  /**
   * Field records (issue 15) on the event fields' period, counted from when the help was given:
   * the record stays with its kind, household, village, team member, topics and criteria (what
   * the team did, counted per village), but no longer reaches a person: the member's ID hash,
   * place in the household and masked name go, and so do the free texts ("what they can now do
   * alone", the note), which name people in the team member's own words.
   */
  private long fieldRecords(String cutoff, RetentionScope scope, boolean dryRun) {
    String where = "at < :cutoff AND (member_hash IS NOT NULL OR member_seq IS NOT NULL OR member_masked IS NOT NULL "
        + "OR detail_json LIKE '%\"canDoAlone\":%' OR detail_json LIKE '%\"note\":%') AND " + scope.communeClause();
    if (dryRun) {
      return count("field_record", where, cutoff, scope);
    }
    return inBatches(h -> {
      List<Map<String, Object>> rows = scope.bind(h.createQuery("SELECT id, detail_json FROM field_record WHERE " + where
          + " ORDER BY id LIMIT " + BATCH)).bind("cutoff", cutoff).mapToMap().list();
      var update = h.prepareBatch("UPDATE field_record SET member_hash = NULL, member_seq = NULL, member_masked = NULL, "
          + "detail_json = :detail WHERE id = :id");
      for (Map<String, Object> r : rows) {
        ObjectNode detail = parse((String) r.get("detail_json"));
        if (detail == null) {
          detail = JSON.createObjectNode();
        }
        detail.remove(FIELD_RECORD_TEXTS);
        update.bind("detail", detail.toString()).bind("id", r.get("id")).add();
      }
      if (!rows.isEmpty()) {
        update.execute();
      }
      return rows.size();
    });
  }

  private static ObjectNode parse(String payload) {
    try {
      return JSON.readTree(payload) instanceof ObjectNode o ? o : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private long count(String table, String where, String cutoff, RetentionScope scope) {
    return db.reader().withHandle(h -> scope.bind(h.createQuery("SELECT count(*) FROM " + table + " WHERE " + where))
        .bind("cutoff", cutoff).mapTo(Long.class).one());
  }

  /** Runs {@code batch} in its own transaction until it reports fewer rows than a full batch. */
  private long inBatches(java.util.function.ToIntFunction<Handle> batch) {
    long total = 0;
    while (true) {
      int n = db.writer().inTransaction(batch::applyAsInt);
      total += n;
      if (n < BATCH) {
        return total;
      }
    }
  }
}
