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
  /**
   * Admin: everything. Province: reads every commune of its province, exports, manages the
   * commune accounts of it. Staff: runs its communes. Viewer: reads a province or communes.
   * Field: a community technology team member, who uses the field app (/field/) for the villages
   * it looks after and no dashboard page but its own account (decision hub-028).
   * Decision hub-015; the rules are {@link Authorization}'s.
   */
  public enum Role { ADMIN, PROVINCE, STAFF, VIEWER, FIELD }

  /**
   * An account as the users page lists it; {@code mustChangePassword} while it still signs in with
   * a password someone else chose (see {@link #createWithOneTimePassword}, {@link #resetPassword}).
   */
  public record Account(StaffUser user, boolean disabled, boolean mustChangePassword) {
    public Account(StaffUser user, boolean disabled) {
      this(user, disabled, false);
    }
  }

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

  /** As {@link #setUser(String, String, Assignment)} for an admin or an account of one commune. */
  public void setUser(String username, String password, Role role, String communeId) {
    setUser(username, password, Assignment.of(role, communeId));
  }

  /**
   * Creates the user or, when the name exists, sets a new password (and role, province, communes).
   * A new password ends every session of the account: whoever knew the old one is signed out.
   */
  public void setUser(String username, String password, Assignment assignment) {
    setUser(username, password, assignment, false);
  }

  /** As above; {@code oneTime}: the owner must choose their own password at the next sign-in. */
  private void setUser(String username, String password, Assignment assignment, boolean oneTime) {
    checkPassword(password);
    String hash = hashing.hash(password);
    db.writer().useTransaction(h -> {
      h.createUpdate("INSERT INTO app_user (username, password_hash, role, created_at, must_change_password) "
              + "VALUES (:u, :p, :r, :now, :m) ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, "
              + "must_change_password = excluded.must_change_password")
          .bind("u", username).bind("p", hash).bind("r", assignment.role().name())
          .bind("now", clock.instant().toString()).bind("m", oneTime ? 1 : 0).execute();
      assign(h, username, assignment);
      h.createUpdate("DELETE FROM staff_session WHERE username = :u").bind("u", username).execute();
    });
  }

  /**
   * Gives the account a role and its province or communes. Takes effect on its next request (a
   * session reads its account afresh each time), so no session needs to end.
   */
  public void assign(String username, Assignment assignment) {
    db.writer().useTransaction(h -> {
      if (h.createQuery("SELECT count(*) FROM app_user WHERE username = :u").bind("u", username)
          .mapTo(Integer.class).one() == 0) {
        throw new IllegalArgumentException("no user " + username);
      }
      assign(h, username, assignment);
    });
  }

  private static void assign(org.jdbi.v3.core.Handle h, String username, Assignment assignment) {
    if (assignment.provinceCode() != null && h.createQuery("SELECT count(*) FROM province WHERE code = :c")
        .bind("c", assignment.provinceCode()).mapTo(Integer.class).one() == 0) {
      throw new IllegalArgumentException("no province with code " + assignment.provinceCode());
    }
    for (String commune : assignment.communes()) {
      if (h.createQuery("SELECT count(*) FROM commune WHERE id = :c").bind("c", commune).mapTo(Integer.class).one() == 0) {
        throw new IllegalArgumentException("no commune " + commune);
      }
    }
    h.createUpdate("UPDATE app_user SET role = :r, province_code = :p WHERE username = :u")
        .bind("r", assignment.role().name()).bind("p", assignment.provinceCode()).bind("u", username).execute();
    h.createUpdate("DELETE FROM user_commune WHERE username = :u").bind("u", username).execute();
    for (String commune : assignment.communes()) {
      h.createUpdate("INSERT INTO user_commune (username, commune_id) VALUES (:u, :c)")
          .bind("u", username).bind("c", commune).execute();
    }
    h.createUpdate("DELETE FROM user_village WHERE username = :u").bind("u", username).execute();
    for (String village : assignment.villages()) {
      h.createUpdate("INSERT INTO user_village (username, village_id) VALUES (:u, :v)")
          .bind("u", username).bind("v", villageId(h, assignment.communes().get(0), village)).execute();
    }
  }

  /**
   * A village of the commune named by its id ("an-tuong/tan-thanh") or by its name as the roster
   * spells it ("Tân Thành"): whoever assigns a team member knows the names, not the ids.
   */
  private static String villageId(org.jdbi.v3.core.Handle h, String commune, String village) {
    return h.createQuery("SELECT id FROM village WHERE commune_id = :c AND (id = :v OR name = :v) ORDER BY id")
        .bind("c", commune).bind("v", village).mapTo(String.class).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no village " + village + " in commune " + commune));
  }

  /**
   * An admin's (or province officer's) reset: a new password, and every session of the account
   * ends, so whoever had it signed in must sign in with the new one. Someone else now knows it, so
   * it is one-time: the account must choose its own at its next sign-in.
   */
  public void resetPassword(String username, String newPassword) {
    checkPassword(newPassword);
    String hash = hashing.hash(newPassword);
    db.writer().useTransaction(h -> {
      int changed = h.createUpdate("UPDATE app_user SET password_hash = :p, must_change_password = 1 WHERE username = :u")
          .bind("p", hash).bind("u", username).execute();
      if (changed == 0) {
        throw new IllegalArgumentException("no user " + username);
      }
      h.createUpdate("DELETE FROM staff_session WHERE username = :u").bind("u", username).execute();
    });
  }

  /** Why a change of one's own password was refused, for the form to explain in the reader's language. */
  public enum ChangeRefused { TOO_SHORT, WRONG_CURRENT, SAME_AS_CURRENT }

  /** A refused change of one's own password. */
  public static final class PasswordChangeRefused extends IllegalArgumentException {
    private final ChangeRefused reason;

    public PasswordChangeRefused(ChangeRefused reason, String message) {
      super(message);
      this.reason = reason;
    }

    public ChangeRefused reason() {
      return reason;
    }
  }

  /**
   * The signed-in user's own change: the current password first, then a new one that differs from
   * it; every session of the account ends (the caller opens a fresh one for the browser that
   * asked), and a one-time password is one no more.
   */
  public void changePassword(String username, String current, String newPassword) {
    if (newPassword == null || newPassword.length() < MIN_PASSWORD) {
      throw new PasswordChangeRefused(ChangeRefused.TOO_SHORT, "a password needs at least " + MIN_PASSWORD + " characters");
    }
    if (!checkPassword(username, current)) {
      throw new PasswordChangeRefused(ChangeRefused.WRONG_CURRENT, "the current password is wrong");
    }
    if (newPassword.equals(current)) {
      throw new PasswordChangeRefused(ChangeRefused.SAME_AS_CURRENT, "the new password must differ from the current one");
    }
    String hash = hashing.hash(newPassword);
    db.writer().useTransaction(h -> {
      h.createUpdate("UPDATE app_user SET password_hash = :p, must_change_password = 0 WHERE username = :u")
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

  /** The password rule, for forms that want to explain it before hashing anything. */
  public static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
    }
  }

  public static final int MIN_PASSWORD = 10;
  /** Usernames are short, lower-case and safe to show anywhere (audit log, headers). */
  public static void checkUsername(String username) {
    if (!isUsername(username)) {
      throw new IllegalArgumentException("a username is 2-40 of a-z 0-9 . _ -");
    }
  }

  public static boolean isUsername(String username) {
    return username != null && username.matches("[a-z0-9._-]{2,40}");
  }

  /** As {@link #create(String, String, Assignment)} for an admin or an account of one commune. */
  public StaffUser create(String username, String password, Role role, String communeId) {
    if (role != Role.ADMIN && (communeId == null || communeId.isBlank())) {
      throw new IllegalArgumentException("a staff account belongs to one commune");
    }
    return create(username, password, Assignment.of(role, communeId));
  }

  /** Creates a new account; refuses an existing name so a form cannot overwrite someone's password. */
  public StaffUser create(String username, String password, Assignment assignment) {
    return create(username, password, assignment, false);
  }

  private StaffUser create(String username, String password, Assignment assignment, boolean oneTime) {
    checkUsername(username);
    if (find(username).isPresent()) {
      throw new IllegalArgumentException("user " + username + " already exists");
    }
    setUser(username, password, assignment, oneTime);
    return find(username).orElseThrow();
  }

  /**
   * Creates an account whose password someone else chose (an admin's form, the user-add command):
   * its owner must choose their own at the first sign-in.
   */
  public StaffUser createWithOneTimePassword(String username, String password, Assignment assignment) {
    // Flagged in the same statement that creates it: no moment when the given password opens everything.
    return create(username, password, assignment, true);
  }

  /** The account (active or not) with its state, when it exists. */
  public Optional<Account> account(String username) {
    return accounts(" WHERE u.username = :u", username).stream().findFirst();
  }

  /** The account whether or not it is disabled. */
  public Optional<StaffUser> find(String username) {
    return accounts(" WHERE u.username = :u", username).stream().findFirst().map(Account::user);
  }

  /** The account when it may sign in (exists and is not disabled). */
  public Optional<StaffUser> findActive(String username) {
    return activeAccount(username).map(Account::user);
  }

  /** As {@link #findActive}, with whether it must change its password first. */
  public Optional<Account> activeAccount(String username) {
    return accounts(" WHERE u.username = :u AND u.disabled_at IS NULL", username).stream().findFirst();
  }

  public List<StaffUser> list() {
    return accounts().stream().map(Account::user).toList();
  }

  public List<Account> accounts() {
    return accounts("", null);
  }

  /** Accounts with their communes in one query (a left join: admins and province officers have none). */
  private List<Account> accounts(String where, String username) {
    return db.reader().withHandle(h -> {
      var query = h.createQuery("SELECT u.username, u.role, u.province_code, u.disabled_at, uc.commune_id, u.must_change_password "
          + "FROM app_user u LEFT JOIN user_commune uc ON uc.username = u.username" + where
          + " ORDER BY u.username, uc.commune_id");
      if (username != null) {
        query.bind("u", username);
      }
      java.util.Map<String, Object[]> rows = new java.util.LinkedHashMap<>();
      query.map((rs, ctx) -> {
        Object[] row = rows.computeIfAbsent(rs.getString(1), n -> new Object[] {
            uncheckedRole(rs), stringOf(rs, 3), stringOf(rs, 4), new java.util.ArrayList<String>(),
            "1".equals(stringOf(rs, 6))});
        String commune = rs.getString(5);
        if (commune != null) {
          @SuppressWarnings("unchecked") List<String> communes = (List<String>) row[3];
          communes.add(commune);
        }
        return 0;
      }).list();
      java.util.Map<String, List<String>> villages = villagesOf(h, where, username);
      return rows.entrySet().stream().map(e -> {
        Object[] r = e.getValue();
        @SuppressWarnings("unchecked") List<String> communes = (List<String>) r[3];
        return new Account(new StaffUser(e.getKey(), (Role) r[0], (String) r[1], communes,
            villages.getOrDefault(e.getKey(), List.of())), r[2] != null, (Boolean) r[4]);
      }).toList();
    });
  }

  /** Field accounts' village ids, for the same accounts as {@code where} selects. */
  private static java.util.Map<String, List<String>> villagesOf(org.jdbi.v3.core.Handle h, String where, String username) {
    var query = h.createQuery("SELECT u.username, uv.village_id FROM app_user u JOIN user_village uv ON uv.username = u.username"
        + where + " ORDER BY u.username, uv.village_id");
    if (username != null) {
      query.bind("u", username);
    }
    java.util.Map<String, List<String>> out = new java.util.HashMap<>();
    query.map((rs, ctx) -> out.computeIfAbsent(rs.getString(1), n -> new java.util.ArrayList<>()).add(rs.getString(2))).list();
    return out;
  }

  private static Role uncheckedRole(java.sql.ResultSet rs) {
    try {
      return Role.valueOf(rs.getString(2));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stringOf(java.sql.ResultSet rs, int column) {
    try {
      return rs.getString(column);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
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
