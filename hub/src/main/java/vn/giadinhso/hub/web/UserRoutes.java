package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.units.Commune;
import vn.giadinhso.hub.units.Province;

/**
 * Accounts in the browser: admins manage every account; a province officer the commune staff and
 * viewers of its province (never admins or other officers). Create, disable (its sessions end at
 * once), re-enable, reset the password, assign role and units; each audited. Everyone changes
 * their own password; the audit log shows each account what it may read.
 */
final class UserRoutes {
  static final Map<UserStore.Role, String> ROLE_VI = Map.of(UserStore.Role.ADMIN, "Quản trị viên",
      UserStore.Role.PROVINCE, "Cán bộ tỉnh", UserStore.Role.STAFF, "Cán bộ xã", UserStore.Role.VIEWER, "Chỉ xem");
  static final Map<UserStore.Role, String> ROLE_EN = Map.of(UserStore.Role.ADMIN, "Admin",
      UserStore.Role.PROVINCE, "Province officer", UserStore.Role.STAFF, "Commune staff", UserStore.Role.VIEWER, "Viewer");
  /** No look-alikes (0/O, 1/l/I), so a password read out over the phone is typed right. */
  private static final String PASSWORD_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

  private final HubApp hub;
  private final Pages pages;
  private final SecureRandom random = new SecureRandom();

  UserRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/users", this::list, Permission.MANAGE_ACCOUNTS);
    routes.post("/dashboard/users", this::create, Permission.MANAGE_ACCOUNTS);
    routes.get("/dashboard/users/{username}", this::show, Permission.MANAGE_ACCOUNTS);
    routes.post("/dashboard/users/{username}/disable", ctx -> setDisabled(ctx, true), Permission.MANAGE_ACCOUNTS);
    routes.post("/dashboard/users/{username}/enable", ctx -> setDisabled(ctx, false), Permission.MANAGE_ACCOUNTS);
    routes.post("/dashboard/users/{username}/password", this::resetPassword, Permission.MANAGE_ACCOUNTS);
    routes.post("/dashboard/users/{username}/assign", this::assign, Permission.MANAGE_ACCOUNTS);
    routes.get("/dashboard/account", this::account, Permission.SIGNED_IN);
    routes.post("/dashboard/account/password", this::changePassword, Permission.SIGNED_IN);
    routes.get("/dashboard/audit", this::audit, Permission.SIGNED_IN);
  }

  private void list(Context ctx) {
    StaffUser actor = Pages.user(ctx);
    var accounts = hub.users.accounts().stream().filter(a -> hub.authorization.canManage(actor, a.user()))
        .map(a -> row(a.user(), a.disabled())).toList();
    Map<String, Object> model = choices(actor, null);
    model.put("users", accounts);
    pages.render(ctx, "users", "Tài khoản · Users", model);
  }

  /** What the forms offer this actor: roles, provinces and communes it may hand out. */
  private Map<String, Object> choices(StaffUser actor, StaffUser target) {
    List<UserStore.Role> roles = actor.isAdmin() ? List.of(UserStore.Role.values())
        : List.of(UserStore.Role.STAFF, UserStore.Role.VIEWER);
    List<Province> provinces = actor.isAdmin() ? hub.units.provinces()
        : hub.units.province(actor.provinceCode()).stream().toList();
    List<Commune> communes = actor.isAdmin() ? hub.units.communes() : hub.units.communes(actor.provinceCode());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("roles", roles.stream().map(r -> Map.of("value", r.name(), "vi", ROLE_VI.get(r), "en", ROLE_EN.get(r),
        "selected", target != null ? target.role() == r : r == UserStore.Role.STAFF)).toList());
    model.put("provinces", provinces.stream().map(p -> Map.of("code", p.code(), "name", p.name(),
        "selected", target != null && p.code().equals(target.provinceCode()))).toList());
    model.put("communeChoices", communes.stream().map(c -> Map.of("id", c.id(), "name", c.name(),
        "province", c.provinceName() == null ? "" : c.provinceName(),
        "checked", target != null && target.communes().contains(c.id()))).toList());
    return model;
  }

  private Map<String, Object> row(StaffUser user, boolean disabled) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("username", user.username());
    row.put("role", user.role().name());
    row.put("roleVi", ROLE_VI.get(user.role()));
    row.put("roleEn", ROLE_EN.get(user.role()));
    row.put("province", user.provinceCode() == null ? ""
        : hub.units.province(user.provinceCode()).map(Province::name).orElse(user.provinceCode()));
    row.put("communes", String.join(", ", user.communes().stream()
        .map(id -> hub.units.commune(id).map(Commune::name).orElse(id)).toList()));
    row.put("disabled", disabled);
    return row;
  }

  /** The account in the path, when this actor may manage it; 404 when it does not exist. */
  private StaffUser target(Context ctx, StaffUser actor) {
    StaffUser target = hub.users.find(ctx.pathParam("username")).orElseThrow(() -> DashboardError.notFound("tài khoản"));
    if (!hub.authorization.canManage(actor, target)) {
      throw new DashboardError(HttpStatus.FORBIDDEN,
          "Bạn không quản lý tài khoản này · You do not manage this account");
    }
    return target;
  }

  private void show(Context ctx) {
    StaffUser actor = Pages.user(ctx);
    StaffUser target = target(ctx, actor);
    render(ctx, actor, target, null);
  }

  private void render(Context ctx, StaffUser actor, StaffUser target, String newPassword) {
    boolean disabled = hub.users.accounts().stream().filter(a -> a.user().username().equals(target.username()))
        .findFirst().map(UserStore.Account::disabled).orElse(false);
    Map<String, Object> model = choices(actor, target);
    model.put("account", row(target, disabled));
    model.put("self", actor.username().equals(target.username()));
    if (newPassword != null) {
      model.put("newPassword", newPassword);
    }
    pages.render(ctx, "user", "Tài khoản " + target.username() + " · Account", model);
  }

  /** Disabling ends the account's sessions at once; nobody can disable their own account. */
  private void setDisabled(Context ctx, boolean disabled) {
    StaffUser actor = Pages.user(ctx);
    StaffUser target = target(ctx, actor);
    if (disabled && target.username().equals(actor.username())) {
      throw DashboardError.badInput("Không thể tự khoá tài khoản của mình · You cannot disable your own account");
    }
    hub.users.setDisabled(target.username(), disabled);
    hub.audit.record(actor.username(), target.communeId(), disabled ? "user.disabled" : "user.enabled",
        target.username(), disabled ? "sessions ended" : null);
    ctx.redirect(back(ctx, target), HttpStatus.SEE_OTHER);
  }

  /** Back to the account's page when the form came from there, else to the list. */
  private static String back(Context ctx, StaffUser target) {
    return "account".equals(ctx.formParam("back")) ? "/dashboard/users/" + target.username() : "/dashboard/users";
  }

  /**
   * A new password typed by the admin, or (field left empty) one made here and shown on this
   * response only: the hub keeps just its hash. Either way the account's sessions end.
   */
  private void resetPassword(Context ctx) {
    StaffUser actor = Pages.user(ctx);
    StaffUser target = target(ctx, actor);
    String typed = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String password = typed.isEmpty() ? newPassword() : typed;
    try {
      hub.users.resetPassword(target.username(), password);
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput("Mật khẩu cần ít nhất " + UserStore.MIN_PASSWORD + " ký tự; chưa đổi gì · "
          + "A password needs at least " + UserStore.MIN_PASSWORD + " characters; nothing was changed");
    } catch (vn.giadinhso.hub.auth.PasswordHashing.Busy e) {
      throw busy();
    }
    hub.audit.record(actor.username(), target.communeId(), "user.password_reset", target.username(),
        (typed.isEmpty() ? "one-time password shown once" : "set by " + actor.username()) + "; sessions ended");
    render(ctx, actor, target, typed.isEmpty() ? password : null);
  }

  private String newPassword() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        out.append('-');
      }
      out.append(PASSWORD_LETTERS.charAt(random.nextInt(PASSWORD_LETTERS.length())));
    }
    return out.toString();
  }

  private void assign(Context ctx) {
    StaffUser actor = Pages.user(ctx);
    StaffUser target = target(ctx, actor);
    if (target.username().equals(actor.username())) {
      throw DashboardError.badInput("Không thể tự đổi vai trò của mình · You cannot change your own role");
    }
    Assignment assignment = assignment(ctx, actor);
    try {
      hub.users.assign(target.username(), assignment);
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput("Không gán được: " + e.getMessage() + " · Not assigned");
    }
    hub.audit.record(actor.username(), assignment.communes().isEmpty() ? target.communeId() : assignment.communes().get(0),
        "user.assigned", target.username(), describe(assignment));
    ctx.redirect("/dashboard/users/" + target.username(), HttpStatus.SEE_OTHER);
  }

  /** The role and units from a form, checked against what this actor may hand out. */
  private Assignment assignment(Context ctx, StaffUser actor) {
    UserStore.Role role;
    try {
      role = UserStore.Role.valueOf(Optional.ofNullable(ctx.formParam("role")).orElse(""));
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput("Chọn vai trò · Choose a role");
    }
    List<String> communes = new ArrayList<>(ctx.formParams("commune"));
    String province = Optional.ofNullable(ctx.formParam("province")).orElse("");
    Assignment assignment;
    try {
      assignment = switch (role) {
        case ADMIN -> Assignment.admin();
        case PROVINCE -> Assignment.province(province);
        case STAFF -> new Assignment(role, null, communes);
        case VIEWER -> communes.isEmpty() ? new Assignment(role, province, List.of()) : new Assignment(role, null, communes);
      };
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput(switch (role) {
        case PROVINCE -> "Chọn tỉnh cho cán bộ tỉnh · Choose the province officer's province";
        case STAFF -> "Chọn ít nhất một xã cho cán bộ xã · Choose at least one commune for the staff member";
        default -> "Chọn một tỉnh hoặc ít nhất một xã để xem · Choose a province or at least one commune to read";
      });
    }
    if (!hub.authorization.canAssign(actor, assignment)) {
      throw new DashboardError(HttpStatus.FORBIDDEN,
          "Bạn chỉ giao được vai trò cán bộ xã hoặc chỉ xem trong tỉnh của mình · "
              + "You may only give commune staff or viewer roles within your province");
    }
    return assignment;
  }

  private static String describe(Assignment a) {
    return a.role().name() + (a.provinceCode() == null ? "" : " province " + a.provinceCode())
        + (a.communes().isEmpty() ? "" : " " + String.join(" ", a.communes()));
  }

  private void account(Context ctx) {
    Pages.user(ctx);
    pages.render(ctx, "account", "Đổi mật khẩu · Change password",
        Map.of("changed", ctx.queryParam("changed") != null));
  }

  /**
   * Every session of the account ends (a stolen cookie with it); this browser gets a fresh one so
   * whoever changed the password stays signed in.
   */
  private void changePassword(Context ctx) {
    StaffUser user = Pages.user(ctx);
    String current = Optional.ofNullable(ctx.formParam("current")).orElse("");
    String next = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (!next.equals(Optional.ofNullable(ctx.formParam("confirm")).orElse(""))) {
      throw DashboardError.badInput("Hai lần nhập mật khẩu mới không khớp · The new passwords do not match");
    }
    try {
      hub.users.changePassword(user.username(), current, next);
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput("Không đổi được mật khẩu: " + e.getMessage() + " · Password not changed");
    } catch (vn.giadinhso.hub.auth.PasswordHashing.Busy e) {
      throw busy();
    }
    hub.audit.record(user.username(), user.communeId(), "user.password_changed", user.username(), "other sessions ended");
    var session = hub.staffSessions.open(user);
    DashboardAccess.setCookie(ctx, DashboardAccess.COOKIE, session.cookieValue(),
        vn.giadinhso.hub.auth.StaffSessions.LIFETIME.toSeconds());
    ctx.redirect("/dashboard/account?changed", HttpStatus.SEE_OTHER);
  }

  private static DashboardError busy() {
    return new DashboardError(HttpStatus.SERVICE_UNAVAILABLE,
        "Máy chủ đang bận, hãy thử lại sau vài giây · The hub is busy, try again in a few seconds");
  }

  private void create(Context ctx) {
    StaffUser actor = Pages.user(ctx);
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim().toLowerCase(Locale.ROOT);
    if (!UserStore.isUsername(username)) {
      throw DashboardError.badInput("Tên đăng nhập gồm 2-40 ký tự a-z 0-9 . _ - · A username is 2-40 of a-z 0-9 . _ -");
    }
    Assignment assignment = assignment(ctx, actor);
    try {
      hub.users.create(username, Optional.ofNullable(ctx.formParam("password")).orElse(""), assignment);
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput("Chưa tạo được tài khoản: " + e.getMessage() + " · Account not created");
    } catch (vn.giadinhso.hub.auth.PasswordHashing.Busy e) {
      throw busy();
    }
    hub.audit.record(actor.username(), assignment.communes().isEmpty() ? null : assignment.communes().get(0),
        "user.created", username, describe(assignment));
    ctx.redirect("/dashboard/users", HttpStatus.SEE_OTHER);
  }

  /** Admins read every entry; everyone else the entries of the communes they may read. */
  private void audit(Context ctx) {
    StaffUser user = Pages.user(ctx);
    List<String> communes = user.isAdmin() ? null : hub.units.communes().stream()
        .filter(c -> hub.authorization.canReadCommune(user, c.id())).map(Commune::id).toList();
    var entries = hub.audit.recentOf(communes, 200).stream()
        .map(e -> Map.of("at", Pages.dateTime(e.at()), "actor", e.actor(), "commune", e.communeId() == null ? "" : e.communeId(),
            "action", e.action(), "subject", e.subject(), "detail", e.detail() == null ? "" : e.detail()))
        .toList();
    pages.render(ctx, "audit", "Nhật ký thay đổi · Audit log", Map.of("entries", entries));
  }
}
