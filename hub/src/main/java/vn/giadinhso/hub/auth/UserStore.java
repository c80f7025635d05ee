package vn.giadinhso.hub.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Clock;
import java.util.Optional;
import vn.giadinhso.hub.storage.Database;

/**
 * Staff and admin accounts. Passwords are hashed with Argon2id (password4j): memory-hard, so a
 * stolen database does not give the passwords away to a GPU.
 */
public final class UserStore {
  public enum Role { ADMIN, STAFF }

  // 19 MiB, 2 passes, 1 lane: OWASP's minimum for Argon2id, a fraction of a second on a small hub.
  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  private final Database db;
  private final Clock clock;

  public UserStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Creates the user or, when the name exists, sets a new password (and role, commune). */
  public void setUser(String username, String password, Role role, String communeId) {
    if (password.length() < 10) {
      throw new IllegalArgumentException("a password needs at least 10 characters");
    }
    String hash = Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    db.writer().useTransaction(h -> h.createUpdate(
            "INSERT INTO app_user (username, password_hash, role, commune_id, created_at) "
                + "VALUES (:u, :p, :r, :c, :now) ON CONFLICT (username) DO UPDATE SET "
                + "password_hash = excluded.password_hash, role = excluded.role, commune_id = excluded.commune_id")
        .bind("u", username).bind("p", hash).bind("r", role.name()).bind("c", communeId)
        .bind("now", clock.instant().toString()).execute());
  }

  public boolean checkPassword(String username, String password) {
    Optional<String> hash = db.reader().withHandle(h -> h.createQuery(
            "SELECT password_hash FROM app_user WHERE username = :u")
        .bind("u", username).mapTo(String.class).findOne());
    return hash.isPresent() && Password.check(password, hash.get()).with(ARGON2);
  }
}
