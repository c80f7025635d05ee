package vn.giadinhso.hub.auth;

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
import vn.giadinhso.hub.storage.Database;

/**
 * Dashboard sign-in sessions, kept in the database so a hub restart does not sign everyone out.
 * The cookie carries a random token; only its digest is stored.
 */
public final class StaffSessions {
  /** A working day with margin; staff sign in again the next morning. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  /** A live session: who, and the token every form must echo. */
  public record Active(StaffUser user, String csrfToken) {}

  /** What the login hands to the browser. */
  public record Opened(String cookieValue, String csrfToken) {}

  private final Database db;
  private final Clock clock;
  private final UserStore users;
  private final SecureRandom random = new SecureRandom();

  public StaffSessions(Database db, Clock clock, UserStore users) {
    this.db = db;
    this.clock = clock;
    this.users = users;
  }

  public Opened open(StaffUser user) {
    String token = randomToken();
    String csrf = randomToken();
    Instant now = clock.instant();
    db.writer().useTransaction(h -> {
      // Housekeeping on the way in keeps the table small without a background job.
      h.createUpdate("DELETE FROM staff_session WHERE expires_at < :now").bind("now", now.toString()).execute();
      h.createUpdate("INSERT INTO staff_session (token_hash, username, csrf_token, created_at, expires_at) "
              + "VALUES (:t, :u, :c, :now, :exp)")
          .bind("t", digest(token)).bind("u", user.username()).bind("c", csrf)
          .bind("now", now.toString()).bind("exp", now.plus(LIFETIME).toString()).execute();
    });
    return new Opened(token, csrf);
  }

  public Optional<Active> find(String cookieValue) {
    if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    Optional<String[]> row = db.reader().withHandle(h -> h.createQuery(
            "SELECT username, csrf_token FROM staff_session WHERE token_hash = :t AND expires_at > :now")
        .bind("t", digest(cookieValue)).bind("now", clock.instant().toString())
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
        .findOne());
    return row.flatMap(r -> users.find(r[0]).map(u -> new Active(u, r[1])));
  }

  public void close(String cookieValue) {
    if (cookieValue == null) {
      return;
    }
    db.writer().useTransaction(h -> h.createUpdate("DELETE FROM staff_session WHERE token_hash = :t")
        .bind("t", digest(cookieValue)).execute());
  }

  public String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Compares tokens in constant time, so response timing does not leak a CSRF token. */
  public static boolean sameToken(String expected, String given) {
    return given != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
