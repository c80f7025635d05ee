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
 * Dashboard sign-in sessions, kept in the database so a hub restart does not sign everyone out
 * and the rules hold across processes. The cookie carries a random token; only its digest is
 * stored. A session ends at {@link #LIFETIME} after sign-in, after {@link #IDLE} without a request,
 * when its account's password changes, or when an admin disables the account.
 */
public final class StaffSessions {
  /** A working day with margin; staff sign in again the next morning. */
  public static final Duration LIFETIME = Duration.ofHours(12);
  /** A dashboard left open on an office computer does not stay signed in all day. */
  public static final Duration IDLE = Duration.ofMinutes(30);
  /**
   * The last request's time is written at most this often, so browsing is not a database write
   * per page; a session may thus live up to IDLE + this after its last request.
   */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /**
   * A live session: who, the token every form must echo, and whether the account must choose a
   * new password before anything else (read from the account on every request, so a reset made
   * through another hub process counts at once).
   */
  public record Active(StaffUser user, String csrfToken, boolean mustChangePassword) {
    public Active(StaffUser user, String csrfToken) {
      this(user, csrfToken, false);
    }
  }

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
      h.createUpdate("DELETE FROM staff_session WHERE expires_at < :now OR last_seen_at < :idle")
          .bind("now", now.toString()).bind("idle", now.minus(IDLE).toString()).execute();
      h.createUpdate("INSERT INTO staff_session (token_hash, username, csrf_token, created_at, expires_at, last_seen_at) "
              + "VALUES (:t, :u, :c, :now, :exp, :now)")
          .bind("t", digest(token)).bind("u", user.username()).bind("c", csrf)
          .bind("now", now.toString()).bind("exp", now.plus(LIFETIME).toString()).execute();
    });
    return new Opened(token, csrf);
  }

  /** The live session for this cookie, noting the request so the idle limit starts again. */
  public Optional<Active> find(String cookieValue) {
    if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String token = digest(cookieValue);
    Optional<String[]> row = db.reader().withHandle(h -> h.createQuery(
            "SELECT username, csrf_token, last_seen_at FROM staff_session "
                + "WHERE token_hash = :t AND expires_at > :now AND last_seen_at > :idle")
        .bind("t", token).bind("now", now.toString()).bind("idle", now.minus(IDLE).toString())
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .findOne());
    Optional<Active> active = row.flatMap(r -> users.activeAccount(r[0])
        .map(a -> new Active(a.user(), r[1], a.mustChangePassword())));
    if (active.isPresent() && Instant.parse(row.get()[2]).plus(TOUCH_EVERY).isBefore(now)) {
      db.writer().useTransaction(h -> h.createUpdate("UPDATE staff_session SET last_seen_at = :now WHERE token_hash = :t")
          .bind("now", now.toString()).bind("t", token).execute());
    }
    return active;
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
