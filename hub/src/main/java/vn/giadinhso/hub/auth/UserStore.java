package vn.giadinhso.hub.auth;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.hub.storage.Database;

/**
 * Staff and admin accounts. Passwords are hashed with Argon2id (through {@link PasswordHashing}):
 * memory-hard, so a stolen database does not give the passwords away to a GPU.
 */
public final class UserStore {
  public enum Role { ADMIN, STAFF }

  /** An account as the users page lists it. */
  public record Account(StaffUser user, boolean disabled) {}

  private final Database db;
  private final Clock clock;
  private final PasswordHashing hashing;

  public UserStore(Database db, Clock clock) {
    this(db, clock, PasswordHashing.argon2id());
  }

  public UserStore(Database db, Clock clock, PasswordHashing hashing) {
    this.db = db;
    this.clock = clock;
    this.hashing = hashing;
  }

  public PasswordHashing hashing() {
    return hashing;
  }

  /**
   * Creates the user or, when the name exists, sets a new password (and role, commune). A new
   * password ends every session of the account: whoever knew the old one is signed out.
   */
  public void setUser(String username, String password, Role role, String communeId) {
    checkPassword(password);
    String hash = hashing.hash(password);
    db.writer().useTransaction(h -> {
      h.createUpdate("INSERT INTO app_user (username, password_hash, role, commune_id, created_at) "
              + "VALUES (:u, :p, :r, :c, :now) ON CONFLICT (username) DO UPDATE SET "
              + "password_hash = excluded.password_hash, role = excluded.role, commune_id = excluded.commune_id")
          .bind("u", username).bind("p", hash).bind("r", role.name()).bind("c", communeId)
          .bind("now", clock.instant().toString()).execute();
      h.createUpdate("DELETE FROM staff_session WHERE username = :u").bind("u", username).execute();
    });
  }

  /**
   * The signed-in user's own change: the current password first, then the new one; every session
   * of the account ends (the caller opens a fresh one for the browser that asked).
   */
  public void changePassword(String username, String current, String newPassword) {
    checkPassword(newPassword);
    if (!checkPassword(username, current)) {
      throw new IllegalArgumentException("the current password is wrong");
    }
    String hash = hashing.hash(newPassword);
    db.writer().useTransaction(h -> {
      h.createUpdate("UPDATE app_user SET password_hash = :p WHERE username = :u")
          .bind("p", hash).bind("u", username).execute();
      h.createUpdate("DELETE FROM staff_session WHERE username = :u").bind("u", username).execute();
    });
  }

  /** Disables (or re-enables) an account; disabling ends its sessions at once. */
  public void setDisabled(String username, boolean disabled) {
    db.writer().useTransaction(h -> {
      int changed = h.createUpdate("UPDATE app_user SET disabled_at = :at WHERE username = :u")
          .bind("at", disabled ? clock.instant().toString() : null).bind("u", username).execute();
      if (changed == 0) {
        throw new IllegalArgumentException("no user " + username);
      }
      if (disabled) {
        h.createUpdate("DELETE FROM staff_session WHERE username = :u").bind("u", username).execute();
      }
    });
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < 10) {
      throw new IllegalArgumentException("a password needs at least 10 characters");
    }
  }

  /** Usernames are short, lower-case and safe to show anywhere (audit log, headers). */
  public static void checkUsername(String username) {
    if (!isUsername(username)) {
      throw new IllegalArgumentException("a username is 2-40 of a-z 0-9 . _ -");
    }
  }

  public static boolean isUsername(String username) {
    return username != null && username.matches("[a-z0-9._-]{2,40}");
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

  /** The account whether or not it is disabled. */
  public Optional<StaffUser> find(String username) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT username, role, commune_id FROM app_user WHERE username = :u")
        .bind("u", username)
        .map((rs, ctx) -> new StaffUser(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
        .findOne());
  }

  /** The account when it may sign in (exists and is not disabled). */
  public Optional<StaffUser> findActive(String username) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT username, role, commune_id FROM app_user WHERE username = :u AND disabled_at IS NULL")
        .bind("u", username)
        .map((rs, ctx) -> new StaffUser(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
        .findOne());
  }

  public List<StaffUser> list() {
    return accounts().stream().map(Account::user).toList();
  }

  public List<Account> accounts() {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT username, role, commune_id, disabled_at FROM app_user ORDER BY username")
        .map((rs, ctx) -> new Account(new StaffUser(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)),
            rs.getString(4) != null))
        .list());
  }

  /**
   * The user, when the password is right and the account active. An unknown name costs the same
   * hashing time as a wrong password, so timing does not tell which names exist.
   *
   * @throws PasswordHashing.Busy when no hashing turn came free in time
   */
  public Optional<StaffUser> authenticate(String username, String password) {
    Optional<String> hash = storedHash(username);
    if (hash.isEmpty()) {
      hashing.hash(password == null ? "" : password);
      return Optional.empty();
    }
    return hashing.check(password == null ? "" : password, hash.get()) ? findActive(username) : Optional.empty();
  }

  public boolean checkPassword(String username, String password) {
    Optional<String> hash = storedHash(username);
    return hash.isPresent() && hashing.check(password == null ? "" : password, hash.get());
  }

  private Optional<String> storedHash(String username) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT password_hash FROM app_user WHERE username = :u")
        .bind("u", username).mapTo(String.class).findOne());
  }
}
