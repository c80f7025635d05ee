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
import vn.giadinhso.hub.auth.StaffSessions;
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
    routes.get("/dashboard/account", this::account, Permission.OWN_ACCOUNT);
    routes.post("/dashboard/account/password", this::changePassword, Permission.OWN_ACCOUNT);
    routes.get("/dashboard/audit", this::audit, Permission.SIGNED_IN);
  }

  private void list(Context ctx) {
    StaffUser actor = Pages.user(ctx);
    var accounts = hub.users.accounts().stream().filter(a -> hub.authorization.canManage(actor, a.user()))
        .map(a -> row(ctx, a)).toList();
    Map<String, Object> model = choices(ctx, actor, null);
    model.put("users", accounts);
    pages.render(ctx, "users", "accounts.users.title", model);
  }

  /** What the forms offer this actor: roles, provinces and communes it may hand out. */
  private Map<String, Object> choices(Context ctx, StaffUser actor, StaffUser target) {
    List<UserStore.Role> roles = actor.isAdmin() ? List.of(UserStore.Role.values())
        : List.of(UserStore.Role.STAFF, UserStore.Role.VIEWER, UserStore.Role.FIELD);
    List<Province> provinces = actor.isAdmin() ? hub.units.provinces()
        : hub.units.province(actor.provinceCode()).stream().toList();
    List<Commune> communes = actor.isAdmin() ? hub.units.communes() : hub.units.communes(actor.provinceCode());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("roles", roles.stream().map(r -> Map.of("value", r.name(), "name", pages.text(ctx, "role." + r.name()),
        "selected", target != null ? target.role() == r : r == UserStore.Role.STAFF)).toList());
    model.put("provinces", provinces.stream().map(p -> Map.of("code", p.code(), "name", p.name(),
        "selected", target != null && p.code().equals(target.provinceCode()))).toList());
    model.put("communeChoices", communes.stream().map(c -> Map.of("id", c.id(), "name", c.name(),
        "province", c.provinceName() == null ? "" : c.provinceName(),
        "checked", target != null && target.communes().contains(c.id()))).toList());
    model.put("villages", target == null ? "" : String.join(", ", target.villages()));
    return model;
  }

  private Map<String, Object> row(Context ctx, UserStore.Account account) {
    StaffUser user = account.user();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("username", user.username());
    row.put("role", user.role().name());
    row.put("roleName", pages.text(ctx, "role." + user.role().name()));
    row.put("mustChangePassword", account.mustChangePassword());
    row.put("province", user.provinceCode() == null ? ""
        : hub.units.province(user.provinceCode()).map(Province::name).orElse(user.provinceCode()));
    row.put("communes", String.join(", ", user.communes().stream()
        .map(id -> hub.units.commune(id).map(Commune::name).orElse(id)).toList())
        + (user.villages().isEmpty() ? "" : " — " + String.join(", ", user.villages())));
    row.put("disabled", account.disabled());
    return row;
  }

  /** The account in the path, when this actor may manage it; 404 when it does not exist. */
  private StaffUser target(Context ctx, StaffUser actor) {
    StaffUser target = hub.users.find(ctx.pathParam("username"))
        .orElseThrow(() -> DashboardError.of(HttpStatus.NOT_FOUND, "accounts.error.noAccount"));
    if (!hub.authorization.canManage(actor, target)) {
      throw DashboardError.of(HttpStatus.FORBIDDEN, "accounts.error.notYourAccount");
    }
    return target;
  }

  private void show(Context ctx) {
    StaffUser actor = Pages.user(ctx);
    StaffUser target = target(ctx, actor);
    render(ctx, actor, target, null);
  }

  private void render(Context ctx, StaffUser actor, StaffUser target, String newPassword) {
    UserStore.Account account = hub.users.account(target.username()).orElseThrow();
    Map<String, Object> model = choices(ctx, actor, target);
    model.put("account", row(ctx, account));
    model.put("self", actor.username().equals(target.username()));
    if (newPassword != null) {
      model.put("newPassword", newPassword);
    }
    pages.render(ctx, "user", pages.text(ctx, "accounts.user.title", target.username()), model);
  }

  /** Disabling ends the account's sessions at once; nobody can disable their own account. */
  private void setDisabled(Context ctx, boolean disabled) {
    StaffUser actor = Pages.user(ctx);
    StaffUser target = target(ctx, actor);
    if (disabled && target.username().equals(actor.username())) {
      throw DashboardError.badInputKey("accounts.error.disableSelf");
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
   * response only: the hub keeps just its hash. Either way the account's sessions end, and the
   * password is one-time: its owner must choose a new one at the next sign-in.
   */
  private void resetPassword(Context ctx) {
    StaffUser actor = Pages.user(ctx);
    StaffUser target = target(ctx, actor);
    String typed = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String password = typed.isEmpty() ? newPassword() : typed;
    try {
      hub.users.resetPassword(target.username(), password);
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInputKey("accounts.error.passwordTooShort", UserStore.MIN_PASSWORD);
    } catch (vn.giadinhso.hub.auth.PasswordHashing.Busy e) {
      throw busy();
    }
    hub.audit.record(actor.username(), target.communeId(), "user.password_reset", target.username(),
        (typed.isEmpty() ? "one-time password shown once" : "one-time password set by " + actor.username())
            + "; sessions ended; must choose a new one at the next sign-in");
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
      throw DashboardError.badInputKey("accounts.error.assignSelf");
    }
    Assignment assignment = assignment(ctx, actor);
    try {
      hub.users.assign(target.username(), assignment);
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInputKey("accounts.error.notAssigned", e.getMessage());
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
      throw DashboardError.badInputKey("accounts.error.chooseRole");
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
        // Villages by name as the roster spells them (or by id), separated by commas or lines.
        case FIELD -> new Assignment(role, null, communes,
            List.of(Optional.ofNullable(ctx.formParam("villages")).orElse("").split("[,\\n]")));
      };
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInputKey(switch (role) {
        case PROVINCE -> "accounts.error.chooseProvince";
        case STAFF -> "accounts.error.chooseCommune";
        case FIELD -> "accounts.error.chooseVillages";
        default -> "accounts.error.chooseProvinceOrCommune";
      });
    }
    if (!hub.authorization.canAssign(actor, assignment)) {
      throw DashboardError.of(HttpStatus.FORBIDDEN, "accounts.error.assignOutside");
    }
    return assignment;
  }

  private static String describe(Assignment a) {
    return a.role().name() + (a.provinceCode() == null ? "" : " province " + a.provinceCode())
        + (a.communes().isEmpty() ? "" : " " + String.join(" ", a.communes()))
        + (a.villages().isEmpty() ? "" : " villages " + String.join(", ", a.villages()));
  }

  /** Changing one's own password; the only page open while a one-time password must be replaced. */
  private void account(Context ctx) {
    Pages.user(ctx);
    StaffSessions.Active session = ctx.attribute(DashboardAccess.SESSION);
    pages.render(ctx, "account", "accounts.account.title",
        Map.of("changed", ctx.queryParam("changed") != null, "mustChange", session.mustChangePassword()));
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
      throw DashboardError.badInputKey("accounts.error.passwordsDiffer");
    }
    StaffSessions.Active before = ctx.attribute(DashboardAccess.SESSION);
    try {
      hub.users.changePassword(user.username(), current, next);
    } catch (UserStore.PasswordChangeRefused e) {
      throw switch (e.reason()) {
        case TOO_SHORT -> DashboardError.badInputKey("accounts.error.passwordTooShort", UserStore.MIN_PASSWORD);
        case WRONG_CURRENT -> DashboardError.badInputKey("accounts.error.currentWrong");
        case SAME_AS_CURRENT -> DashboardError.badInputKey("accounts.error.passwordSame");
      };
    } catch (vn.giadinhso.hub.auth.PasswordHashing.Busy e) {
      throw busy();
    }
    hub.audit.record(user.username(), user.communeId(), "user.password_changed", user.username(),
        (before.mustChangePassword() ? "one-time password replaced; " : "") + "other sessions ended");
    var session = hub.staffSessions.open(user);
    DashboardAccess.setCookie(ctx, DashboardAccess.COOKIE, session.cookieValue(), StaffSessions.LIFETIME.toSeconds());
    ctx.redirect("/dashboard/account?changed", HttpStatus.SEE_OTHER);
  }

  private static DashboardError busy() {
    return DashboardError.of(HttpStatus.SERVICE_UNAVAILABLE, "accounts.error.busy");
  }

  private void create(Context ctx) {
    StaffUser actor = Pages.user(ctx);
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim().toLowerCase(Locale.ROOT);
    if (!UserStore.isUsername(username)) {
      throw DashboardError.badInputKey("accounts.error.username");
    }
    Assignment assignment = assignment(ctx, actor);
    try {
      // The actor chose this password, so it is one-time: the owner chooses their own at first sign-in.
      hub.users.createWithOneTimePassword(username, Optional.ofNullable(ctx.formParam("password")).orElse(""), assignment);
    } catch (IllegalArgumentException e) {
      String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
      if (hub.users.find(username).isEmpty() && password.length() >= UserStore.MIN_PASSWORD) {
        throw DashboardError.badInputKey("accounts.error.notAssigned", e.getMessage()); // e.g. no such village
      }
      throw DashboardError.badInputKey(hub.users.find(username).isPresent() ? "accounts.error.usernameTaken"
          : "accounts.error.passwordTooShort", UserStore.MIN_PASSWORD);
    } catch (vn.giadinhso.hub.auth.PasswordHashing.Busy e) {
      throw busy();
    }
    hub.audit.record(actor.username(), assignment.communes().isEmpty() ? null : assignment.communes().get(0),
        "user.created", username, describe(assignment) + "; one-time password: must choose a new one at first sign-in");
    ctx.redirect("/dashboard/users", HttpStatus.SEE_OTHER);
  }

  /** Admins read every entry; everyone else the entries of the communes they may read. */
  private void audit(Context ctx) {
    StaffUser user = Pages.user(ctx);
    List<String> communes = user.isAdmin() ? null : hub.units.communes().stream()
        .filter(c -> hub.authorization.canReadCommune(user, c.id())).map(Commune::id).toList();
    Map<String, String> communeNames = new java.util.HashMap<>();
    hub.units.communes().forEach(c -> communeNames.put(c.id(), c.name()));
    // Each action by its name (names bundle, action.<id>); an action with no name yet shows its id.
    var entries = hub.audit.recentOf(communes, 200).stream()
        .map(e -> Map.of("at", Pages.dateTime(e.at()), "actor", e.actor(),
            "commune", e.communeId() == null ? "" : communeNames.getOrDefault(e.communeId(), e.communeId()),
            "action", e.action(), "actionName", pages.nameOr(ctx, "action." + e.action(), e.action()),
            "subject", e.subject(), "detail", e.detail() == null ? "" : e.detail()))
        .toList();
    pages.render(ctx, "audit", "accounts.audit.title", Map.of("entries", entries));
  }
}
