package vn.giadinhso.hub.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.storage.Database;

/** {@link KioskRegistry} in the hub's SQLite database; codes and tokens stored as SHA-256 digests. */
public final class SqliteKioskRegistry implements KioskRegistry {
  static final Duration CODE_LIFETIME = Duration.ofDays(14);

  private final Database db;
  private final Clock clock;
  private final Secrets secrets = new Secrets();

  public SqliteKioskRegistry(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public String newEnrolmentCode(String supportPointId) {
    String code = secrets.newCode();
    Instant now = clock.instant();
    db.writer().useTransaction(h -> {
      boolean pointExists = h.createQuery("SELECT COUNT(*) FROM support_point WHERE id = :p")
          .bind("p", supportPointId).mapTo(Integer.class).one() > 0;
      if (!pointExists) {
        throw new IllegalArgumentException("no support point " + supportPointId);
      }
      // A retired point keeps the kiosks it has (they sync and upload as before) but gets no new one.
      boolean retired = h.createQuery("SELECT COUNT(*) FROM support_point WHERE id = :p AND retired_at IS NOT NULL")
          .bind("p", supportPointId).mapTo(Integer.class).one() > 0;
      if (retired) {
        throw new IllegalArgumentException("support point " + supportPointId + " is retired; enrol kiosks at a point in use");
      }
      h.createUpdate("INSERT INTO enrolment_code (code_hash, support_point_id, created_at, expires_at) "
              + "VALUES (:hash, :p, :now, :expires)")
          .bind("hash", Secrets.digest(Secrets.normaliseCode(code)))
          .bind("p", supportPointId)
          .bind("now", now.toString())
          .bind("expires", now.plus(CODE_LIFETIME).toString())
          .execute();
    });
    return code;
  }

  @Override
  public Enrolment enrol(String code) throws EnrolmentRefused {
    String hash = Secrets.digest(Secrets.normaliseCode(code == null ? "" : code));
    Instant now = clock.instant();
    // A read first: a wrong code (a guess) never waits for, nor holds, the single writer.
    EnrolmentRefused.Reason early = db.reader().withHandle(h -> refusal(h, hash, now));
    if (early != null) {
      throw new EnrolmentRefused(early);
    }
    String kioskId = secrets.newKioskId();
    String token = secrets.newToken();
    Object outcome = db.writer().inTransaction(h -> {
      // Checked again inside the write: another request may have used the code since the read.
      EnrolmentRefused.Reason refused = refusal(h, hash, now);
      if (refused != null) {
        return refused;
      }
      Map<String, Object> row = h.createQuery(
              "SELECT e.support_point_id, p.commune_id FROM enrolment_code e "
                  + "JOIN support_point p ON p.id = e.support_point_id WHERE e.code_hash = :hash")
          .bind("hash", hash).mapToMap().one();
      String point = (String) row.get("support_point_id");
      h.createUpdate("UPDATE enrolment_code SET used_at = :now, kiosk_id = :k WHERE code_hash = :hash")
          .bind("now", now.toString()).bind("k", kioskId).bind("hash", hash).execute();
      h.createUpdate("INSERT INTO kiosk (id, support_point_id, token_hash, enrolled_at, last_seen_at) "
              + "VALUES (:k, :p, :t, :now, :now)")
          .bind("k", kioskId).bind("p", point).bind("t", Secrets.digest(token)).bind("now", now.toString()).execute();
      return new Enrolment(kioskId, token, point, (String) row.get("commune_id"));
    });
    if (outcome instanceof EnrolmentRefused.Reason reason) {
      throw new EnrolmentRefused(reason);
    }
    return (Enrolment) outcome;
  }

  /** Why the code cannot be used now, or null when it can. */
  private static EnrolmentRefused.Reason refusal(Handle h, String hash, Instant now) {
    Optional<Map<String, Object>> row = h.createQuery(
            "SELECT expires_at, used_at FROM enrolment_code WHERE code_hash = :hash")
        .bind("hash", hash).mapToMap().findOne();
    if (row.isEmpty()) {
      return EnrolmentRefused.Reason.UNKNOWN;
    }
    if (row.get().get("used_at") != null) {
      return EnrolmentRefused.Reason.ALREADY_USED;
    }
    if (Instant.parse((String) row.get().get("expires_at")).isBefore(now)) {
      return EnrolmentRefused.Reason.EXPIRED;
    }
    return null;
  }

  @Override
  public Optional<Kiosk> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT k.id, k.support_point_id, p.commune_id FROM kiosk k JOIN support_point p "
                + "ON p.id = k.support_point_id WHERE k.token_hash = :t AND k.revoked_at IS NULL")
        .bind("t", Secrets.digest(token))
        .map((rs, ctx) -> new Kiosk(rs.getString(1), rs.getString(2), rs.getString(3)))
        .findOne());
  }

  @Override
  public void touch(String kioskId, KioskReport report) {
    db.writer().useTransaction(h -> touch(h, kioskId, report));
  }

  @Override
  public void touch(Handle tx, String kioskId, KioskReport report) {
    tx.createUpdate("UPDATE kiosk SET last_seen_at = :now, version = COALESCE(:v, version), "
            + "backlog = COALESCE(:b, backlog), reader_state = COALESCE(:r, reader_state) WHERE id = :id")
        .bind("now", clock.instant().toString())
        .bind("v", report.version())
        .bind("b", report.backlog())
        .bind("r", report.readerState())
        .bind("id", kioskId)
        .execute();
  }

  @Override
  public void revoke(String kioskId) {
    db.writer().useTransaction(h -> h.createUpdate("UPDATE kiosk SET revoked_at = :now WHERE id = :id")
        .bind("now", clock.instant().toString()).bind("id", kioskId).execute());
  }

  @Override
  public Optional<KioskStatus> status(String kioskId) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT id, support_point_id, last_seen_at, version, backlog, reader_state, revoked_at FROM kiosk WHERE id = :id")
        .bind("id", kioskId)
        .map((rs, ctx) -> new KioskStatus(rs.getString(1), rs.getString(2),
            rs.getString(3) == null ? null : Instant.parse(rs.getString(3)), rs.getString(4),
            (Integer) rs.getObject(5), rs.getString(6), rs.getString(7) != null))
        .findOne());
  }
}
