package vn.giadinhso.hub.retention;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.hub.audit.AuditLog;
import vn.giadinhso.hub.storage.Database;

/**
 * A commune's own retention periods (issue 14: personal data is kept no longer than the commune's
 * policy). Each kind is the commune's own or, left empty, the hub's default given to serve; a
 * commune without a row has the hub's defaults throughout. Set by the hub's operator with
 * {@code retention set --commune}; every change is audited.
 */
public final class CommuneRetention {
  public static final String AUDIT_ACTION = "retention.periods";

  /** A commune's own periods in days; {@code null} is the hub's default for that kind. */
  public record Periods(Integer supportPhoneDays, Integer attendanceDays, Integer eventFieldsDays) {
    public Periods {
      for (Integer days : new Integer[] {supportPhoneDays, attendanceDays, eventFieldsDays}) {
        if (days != null && days < 1) {
          throw new IllegalArgumentException("a retention period must be at least 1 day");
        }
      }
    }

    public RetentionPolicy over(RetentionPolicy hubDefault) {
      return new RetentionPolicy(
          supportPhoneDays == null ? hubDefault.supportPhoneDays() : supportPhoneDays,
          attendanceDays == null ? hubDefault.attendanceDays() : attendanceDays,
          eventFieldsDays == null ? hubDefault.eventFieldsDays() : eventFieldsDays);
    }

    boolean isEmpty() {
      return supportPhoneDays == null && attendanceDays == null && eventFieldsDays == null;
    }
  }

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  public CommuneRetention(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every commune with periods of its own, as whole policies over {@code hubDefault}, by commune id. */
  public Map<String, RetentionPolicy> policies(RetentionPolicy hubDefault) {
    Map<String, RetentionPolicy> policies = new LinkedHashMap<>();
    db.reader().useHandle(h -> h.createQuery("SELECT commune_id, support_phone_days, attendance_days, event_fields_days "
            + "FROM commune_retention ORDER BY commune_id")
        .map((rs, ctx) -> Map.entry(rs.getString(1), new Periods(
            days(rs, 2), days(rs, 3), days(rs, 4))))
        .forEach(e -> policies.put(e.getKey(), e.getValue().over(hubDefault))));
    return policies;
  }

  public Optional<Periods> of(String commune) {
    return db.reader().withHandle(h -> h.createQuery("SELECT support_phone_days, attendance_days, event_fields_days "
            + "FROM commune_retention WHERE commune_id = :c").bind("c", commune)
        .map((rs, ctx) -> new Periods(days(rs, 1), days(rs, 2), days(rs, 3)))
        .findOne());
  }

  /** Gives {@code commune} these periods; all empty gives it back the hub's defaults. */
  public void set(String commune, Periods periods, String by) {
    db.writer().useTransaction(h -> {
      if (h.createQuery("SELECT count(*) FROM commune WHERE id = :c").bind("c", commune).mapTo(Integer.class).one() == 0) {
        throw new IllegalArgumentException("no commune " + commune + " on this hub");
      }
      h.createUpdate("DELETE FROM commune_retention WHERE commune_id = :c").bind("c", commune).execute();
      if (!periods.isEmpty()) {
        h.createUpdate("INSERT INTO commune_retention (commune_id, support_phone_days, attendance_days, "
                + "event_fields_days, updated_by, updated_at) VALUES (:c, :s, :a, :e, :by, :at)")
            .bind("c", commune).bind("s", periods.supportPhoneDays()).bind("a", periods.attendanceDays())
            .bind("e", periods.eventFieldsDays()).bind("by", by).bind("at", clock.instant().toString())
            .execute();
      }
    });
    audit.record(by, commune, AUDIT_ACTION, commune, periods.isEmpty() ? "the hub's default periods"
        : describe(periods));
  }

  private static Integer days(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    int days = rs.getInt(column);
    return rs.wasNull() ? null : days;
  }

  static String describe(Periods p) {
    return "support phones " + days(p.supportPhoneDays()) + ", attendance " + days(p.attendanceDays())
        + ", event fields " + days(p.eventFieldsDays());
  }

  private static String days(Integer days) {
    return days == null ? "hub default" : days + " d";
  }
}
