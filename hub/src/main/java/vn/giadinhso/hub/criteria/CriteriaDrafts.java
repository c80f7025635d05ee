package vn.giadinhso.hub.criteria;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import vn.giadinhso.hub.storage.Database;

/**
 * Criteria sets uploaded in the dashboard and not yet published: one per sign-in session and
 * commune, so the preview a person saw is exactly what their "publish" stores, and nobody else's
 * upload can slip in between. In the database (V40), not in memory, because the preview and the
 * publish may reach different hub processes (decision hub-017). A draft is never read by sync or
 * reports: until published, kiosks and every page see the current set.
 */
public final class CriteriaDrafts {
  /** A draft lives no longer than the session it belongs to. */
  static final Duration KEEP = Duration.ofHours(12);

  /** An uploaded, validated set waiting for its uploader's decision. */
  public record Draft(CriteriaSet set, String fileName, String username, Instant createdAt) {}

  private final Database db;
  private final CriteriaSetJson json;
  private final Clock clock;

  public CriteriaDrafts(Database db, CriteriaSetJson json, Clock clock) {
    this.db = db;
    this.json = json;
    this.clock = clock;
  }

  /** Keeps {@code set} as the session's draft for its commune, replacing an earlier one. */
  public void save(String sessionSecret, String username, CriteriaSet set, String fileName) {
    Instant now = clock.instant();
    String key = key(sessionSecret);
    db.writer().useTransaction(h -> {
      h.createUpdate("DELETE FROM criteria_draft WHERE created_at < :old OR (session_key = :k AND commune_id = :c)")
          .bind("old", now.minus(KEEP).toString()).bind("k", key).bind("c", set.communeId()).execute();
      h.createUpdate("INSERT INTO criteria_draft (session_key, commune_id, username, document, file_name, created_at) "
              + "VALUES (:k, :c, :u, :d, :f, :at)")
          .bind("k", key).bind("c", set.communeId()).bind("u", username).bind("d", json.toText(set))
          .bind("f", fileName).bind("at", now.toString()).execute();
    });
  }

  public Optional<Draft> find(String sessionSecret, String communeId) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT document, file_name, username, created_at FROM criteria_draft "
                + "WHERE session_key = :k AND commune_id = :c AND created_at >= :old")
        .bind("k", key(sessionSecret)).bind("c", communeId)
        .bind("old", clock.instant().minus(KEEP).toString())
        .map((rs, ctx) -> new Draft(json.fromText(rs.getString(1)), rs.getString(2), rs.getString(3),
            Instant.parse(rs.getString(4))))
        .findOne());
  }

  public void discard(String sessionSecret, String communeId) {
    db.writer().useTransaction(h -> h.createUpdate(
            "DELETE FROM criteria_draft WHERE session_key = :k AND commune_id = :c")
        .bind("k", key(sessionSecret)).bind("c", communeId).execute());
  }

  /** The session's secret is not stored as it is: a digest identifies the session just as well. */
  private static String key(String sessionSecret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("criteria-draft:" + sessionSecret)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
