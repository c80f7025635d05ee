package vn.giadinhso.hub.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Clock;
import java.util.List;
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

  /** Usernames are short, lower-case and safe to show anywhere (audit log, headers). */
  public static void checkUsername(String username) {
    if (username == null || !username.matches("[a-z0-9._-]{2,40}")) {
      throw new IllegalArgumentException("a username is 2-40 of a-z 0-9 . _ -");
    }
  }

  /** Creates a new account; refuses an existing name so a form cannot overwrite someone's password. */
  public StaffUser create(String username, String password, Role role, String communeId) {
    checkUsername(username);
    if (role == Role.STAFF && (communeId == null || communeId.isBlank())) {
      throw new IllegalArgumentException("a staff account belongs to one commune");
    }
    if (find(username).isPresent()) {
      throw new IllegalArgumentException("user " + username + " already exists");
    }
    setUser(username, password, role, role == Role.ADMIN ? null : communeId);
    return new StaffUser(username, role, role == Role.ADMIN ? null : communeId);
  }

  public Optional<StaffUser> find(String username) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT username, role, commune_id FROM app_user WHERE username = :u")
        .bind("u", username)
        .map((rs, ctx) -> new StaffUser(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
        .findOne());
  }

  public List<StaffUser> list() {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT username, role, commune_id FROM app_user ORDER BY username")
        .map((rs, ctx) -> new StaffUser(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
        .list());
  }

  /** The user, when the password is right. An unknown name costs the same hashing time as a wrong password. */
  public Optional<StaffUser> authenticate(String username, String password) {
    Optional<String> hash = db.reader().withHandle(h -> h.createQuery(
            "SELECT password_hash FROM app_user WHERE username = :u")
        .bind("u", username).mapTo(String.class).findOne());
    if (hash.isEmpty()) {
      Password.hash(password == null ? "" : password).addRandomSalt(16).with(ARGON2);
      return Optional.empty();
    }
    return Password.check(password, hash.get()).with(ARGON2) ? find(username) : Optional.empty();
  }

  public boolean checkPassword(String username, String password) {
    Optional<String> hash = db.reader().withHandle(h -> h.createQuery(
            "SELECT password_hash FROM app_user WHERE username = :u")
        .bind("u", username).mapTo(String.class).findOne());
    return hash.isPresent() && Password.check(password, hash.get()).with(ARGON2);
  }
}
