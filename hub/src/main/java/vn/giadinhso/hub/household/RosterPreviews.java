package vn.giadinhso.hub.household;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import vn.giadinhso.hub.Json;
import vn.giadinhso.hub.storage.Database;

/**
 * Roster previews waiting to be applied, in the database (any hub process may serve the apply),
 * each under a random token whose digest alone is stored, bound to the staff session and commune
 * that made it, and good for {@link #LIFETIME}. Applying removes it: it applies once.
 */
public final class RosterPreviews {
  /** Long enough to read a preview and decide; short enough that a forgotten one does not linger. */
  public static final Duration LIFETIME = Duration.ofMinutes(30);

  private final Database db;
  private final Clock clock;
  private final ObjectMapper json = Json.newMapper();
  private final SecureRandom random = new SecureRandom();

  public RosterPreviews(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Keeps {@code changes} for the session holding {@code sessionSecret}; returns the token to hand back. */
  public String keep(RosterChanges changes, String sessionSecret, String communeId, String actor) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String payload;
    try {
      payload = json.writeValueAsString(changes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Instant now = clock.instant();
    db.writer().useTransaction(h -> {
      h.createUpdate("DELETE FROM roster_preview WHERE expires_at < :now").bind("now", now.toString()).execute();
      h.createUpdate("INSERT INTO roster_preview (token_hash, session_hash, commune_id, created_by, expires_at, payload) "
              + "VALUES (:t, :s, :c, :a, :exp, :p)")
          .bind("t", digest(token)).bind("s", digest(sessionSecret)).bind("c", communeId).bind("a", actor)
          .bind("exp", now.plus(LIFETIME).toString()).bind("p", payload).execute();
    });
    return token;
  }

  /** The preview under {@code token} if this session and commune made it and it has not expired. */
  public Optional<RosterChanges> find(String token, String sessionSecret, String communeId) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    Optional<String> payload = db.reader().withHandle(h -> h.createQuery("SELECT payload FROM roster_preview "
            + "WHERE token_hash = :t AND session_hash = :s AND commune_id = :c AND expires_at > :now")
        .bind("t", digest(token)).bind("s", digest(sessionSecret)).bind("c", communeId)
        .bind("now", clock.instant().toString()).mapTo(String.class).findOne());
    return payload.map(p -> {
      try {
        return json.readValue(p, RosterChanges.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("stored roster preview is unreadable", e);
      }
    });
  }

  /** Forgets a preview once applied, so the same page cannot apply it twice. */
  public void remove(String token) {
    db.writer().useTransaction(h -> h.createUpdate("DELETE FROM roster_preview WHERE token_hash = :t")
        .bind("t", digest(token)).execute());
  }

  private static String digest(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
