package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.HandlerType;
import io.javalin.security.Roles;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.criteria.CriteriaSet;

/**
 * Every dashboard route the running hub has registered (read from Javalin's own route list, so a
 * new route is in here without anyone adding it), for every role, against a commune of the
 * account, another commune of the same province and a commune of another province: allowed, or
 * 403 (303 to the login page without a session).
 */
class RouteAccessTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String OWN = "an-tuong";
  static final String SAME_PROVINCE = "kon-chieng";
  static final String OTHER_PROVINCE = "xa-thu";
  static final List<String> COMMUNES = List.of(OWN, SAME_PROVINCE, OTHER_PROVINCE);
  /** Province routes are tried against the demo communes' province and the other one (its provisional code). */
  static final String PROVINCE = "52";
  static final String OTHER = "other-province";
  /** The only POSTs a read-only account makes: its own password and signing out. */
  static final Set<String> OWN_ACCOUNT_POSTS = Set.of("/dashboard/account/password", "/logout");

  @TempDir static Path dir;
  static TestHub hub;
  static String otherProvince;
  static final Map<String, StaffClient> clients = new LinkedHashMap<>();

  record Route(HandlerType method, String path, Permission permission) {}

  /** What each account may do, written out by hand: permission → communes (or "*" for a route without one). */
  static final Map<String, Map<Permission, Set<String>>> EXPECTED = Map.of(
      "admin", Map.of(Permission.SIGNED_IN, Set.of("*"), Permission.OWN_ACCOUNT, Set.of("*"), Permission.READ_COMMUNE, Set.copyOf(COMMUNES),
          Permission.WRITE_COMMUNE, Set.copyOf(COMMUNES), Permission.ENROL_KIOSK, Set.copyOf(COMMUNES),
          Permission.MANAGE_ACCOUNTS, Set.of("*"), Permission.MANAGE_UNITS, Set.of("*"),
          Permission.PUBLISH_LESSONS, Set.of("*"), Permission.READ_PROVINCE, Set.of(PROVINCE, OTHER)),
      "tinh-gl", Map.of(Permission.SIGNED_IN, Set.of("*"), Permission.OWN_ACCOUNT, Set.of("*"), Permission.READ_COMMUNE, Set.of(OWN, SAME_PROVINCE),
          Permission.MANAGE_ACCOUNTS, Set.of("*"), Permission.READ_PROVINCE, Set.of(PROVINCE)),
      "tinh-khac", Map.of(Permission.SIGNED_IN, Set.of("*"), Permission.OWN_ACCOUNT, Set.of("*"), Permission.READ_COMMUNE, Set.of(OTHER_PROVINCE),
          Permission.MANAGE_ACCOUNTS, Set.of("*"), Permission.READ_PROVINCE, Set.of(OTHER)),
      "can-bo-a", Map.of(Permission.SIGNED_IN, Set.of("*"), Permission.OWN_ACCOUNT, Set.of("*"), Permission.READ_COMMUNE, Set.of(OWN),
          Permission.WRITE_COMMUNE, Set.of(OWN)),
      "can-bo-hai-xa", Map.of(Permission.SIGNED_IN, Set.of("*"), Permission.OWN_ACCOUNT, Set.of("*"), Permission.READ_COMMUNE, Set.of(OWN, SAME_PROVINCE),
          Permission.WRITE_COMMUNE, Set.of(OWN, SAME_PROVINCE)),
      "xem-tinh", Map.of(Permission.SIGNED_IN, Set.of("*"), Permission.OWN_ACCOUNT, Set.of("*"), Permission.READ_COMMUNE, Set.of(OWN, SAME_PROVINCE),
          Permission.READ_PROVINCE, Set.of(PROVINCE)),
      "xem-xa", Map.of(Permission.SIGNED_IN, Set.of("*"), Permission.OWN_ACCOUNT, Set.of("*"), Permission.READ_COMMUNE, Set.of(OWN)),
      // A community technology team member: its own account page and nothing else of the dashboard.
      "doi-a", Map.of(Permission.OWN_ACCOUNT, Set.of("*")));

  @BeforeAll
  static void start() throws Exception {
    hub = new TestHub(dir);
    // A commune of another province: a criteria set naming a province the hub has no code for.
    CriteriaSet kc = hub.hub.criteriaJson.readResource("kon-chieng-2025.json");
    hub.hub.criteria.load(new CriteriaSet(OTHER_PROVINCE, "Xã Thử", "Tỉnh Thử Nghiệm", kc.version(), kc.title(),
        kc.source(), kc.pillars(), kc.criteria(), kc.groups(), kc.flags(), kc.overallTargetPercent()));
    otherProvince = hub.hub.units.provinceOf(OTHER_PROVINCE).orElseThrow();
    assertTrue(otherProvince.startsWith("x"), "a provisional code, not an invented official one: " + otherProvince);
    var users = hub.hub.users;
    users.create("admin", PASSWORD, Assignment.admin());
    users.create("tinh-gl", PASSWORD, Assignment.province("52"));
    users.create("tinh-khac", PASSWORD, Assignment.province(otherProvince));
    users.create("can-bo-a", PASSWORD, Assignment.staff(OWN));
    users.create("can-bo-hai-xa", PASSWORD, Assignment.staff(OWN, SAME_PROVINCE));
    users.create("xem-tinh", PASSWORD, new Assignment(UserStore.Role.VIEWER, "52", List.of()));
    users.create("xem-xa", PASSWORD, new Assignment(UserStore.Role.VIEWER, null, List.of(OWN)));
    hub.hub.households.upsert(List.of(new vn.giadinhso.hub.household.Household("AT-T1-0001", OWN, "Tân Thành",
        "Nguyễn Văn An", List.of(), Set.of(), Set.of())));
    users.create("doi-a", PASSWORD, Assignment.field(OWN, List.of("Tân Thành")));
    for (String name : EXPECTED.keySet()) {
      clients.put(name, StaffClient.signedIn(hub, name, PASSWORD));
    }
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  /** The dashboard's routes as Javalin holds them, with the permission each declares. */
  static List<Route> dashboardRoutes() {
    List<Route> routes = new ArrayList<>();
    for (var parsed : hub.http.unsafe.internalRouter.allHttpHandlers()) {
      var endpoint = parsed.endpoint;
      if (!DashboardAccess.isDashboard(endpoint.path) || (endpoint.method != HandlerType.GET
          && endpoint.method != HandlerType.POST)) {
        continue;
      }
      Roles roles = endpoint.metadata(Roles.class);
      Set<?> declared = roles == null ? Set.of() : roles.getRoles();
      assertEquals(1, declared.size(), endpoint.method + " " + endpoint.path + " declares one permission");
      routes.add(new Route(endpoint.method, endpoint.path, (Permission) declared.iterator().next()));
    }
    return routes;
  }

  @Test
  void theRouteListIsTheWholeDashboard() {
    List<Route> routes = dashboardRoutes();
    assertTrue(routes.size() >= 30, "found " + routes.size() + " routes");
    for (String expected : List.of("/dashboard/c/{commune}/report.csv", "/dashboard/c/{commune}/report.xlsx",
        "/dashboard/provinces/{province}", "/dashboard/provinces/{province}/export.csv",
        "/dashboard/provinces/{province}/export.xlsx",
        "/dashboard/users/{username}/disable", "/dashboard/units", "/logout",
        "/dashboard/c/{commune}/roster", "/dashboard/c/{commune}/roster/apply", "/dashboard/c/{commune}/roster/new",
        "/dashboard/c/{commune}/households/{code}/edit", "/dashboard/c/{commune}/points",
        "/dashboard/c/{commune}/points/{point}/edit", "/dashboard/c/{commune}/points/{point}/retire",
        "/dashboard/c/{commune}/teams", "/dashboard/c/{commune}/teams/{team}/members/{member}/edit")) {
      assertTrue(routes.stream().anyMatch(r -> r.path().equals(expected)), expected);
    }
  }

  @Test
  void noPostNeedsOnlyReading() {
    // A POST declaring a read permission would let viewers and province officers change data.
    for (Route r : dashboardRoutes()) {
      if (r.method() == HandlerType.POST) {
        assertFalse(r.permission() == Permission.READ_COMMUNE || r.permission() == Permission.READ_PROVINCE, r.toString());
        if (r.permission() == Permission.SIGNED_IN || r.permission() == Permission.OWN_ACCOUNT) {
          assertTrue(OWN_ACCOUNT_POSTS.contains(r.path()), "a POST any account may make: " + r);
        }
      }
    }
  }

  @Test
  void withoutASessionEveryRouteSendsToTheLoginPage() throws Exception {
    StaffClient anonymous = new StaffClient(hub);
    anonymous.get("/login");
    for (Route r : dashboardRoutes()) {
      HttpResponse<String> response = send(anonymous, r, OWN);
      if (DashboardAccess.isApi(r.path())) {
        assertEquals(401, response.statusCode(), r.toString());
      } else {
        assertEquals(303, response.statusCode(), r.toString());
        assertEquals("/login", response.headers().firstValue("Location").orElse(""), r.toString());
      }
    }
  }

  @Test
  void everyRoleOnEveryRouteAgainstOwnOtherCommuneAndOtherProvince() throws Exception {
    List<String> failures = new ArrayList<>();
    for (var account : EXPECTED.entrySet()) {
      StaffClient client = clients.get(account.getKey());
      for (Route r : dashboardRoutes()) {
        if (r.path().equals("/logout")) {
          continue; // would end this client's session; AccessControlTest signs out
        }
        List<String> targets = r.path().contains("{commune}") ? COMMUNES
            : r.path().contains("{province}") ? List.of(PROVINCE, OTHER) : List.of("*");
        for (String target : targets) {
          boolean allowed = account.getValue().getOrDefault(r.permission(), Set.of()).contains(target);
          HttpResponse<String> response = send(client, r, target);
          int status = response.statusCode();
          boolean toLogin = status == 303 && response.headers().firstValue("Location").orElse("").equals("/login");
          boolean ok = allowed ? status != 403 && status != 401 && !toLogin && status < 500 : status == 403;
          if (!ok) {
            failures.add(account.getKey() + " " + r.method() + " " + r.path() + " @" + target + " → " + status
                + (allowed ? " (should be allowed)" : " (should be 403)"));
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void viewersPostNothingButTheirOwnAccount() throws Exception {
    for (String viewer : List.of("xem-tinh", "xem-xa")) {
      for (Route r : dashboardRoutes()) {
        if (r.method() != HandlerType.POST || OWN_ACCOUNT_POSTS.contains(r.path())) {
          continue;
        }
        for (String target : r.path().contains("{commune}") ? COMMUNES : List.of("*")) {
          assertEquals(403, send(clients.get(viewer), r, target).statusCode(), viewer + " " + r + " @" + target);
        }
      }
    }
  }

  /** The route with its path parameters filled: the commune under test, harmless values for the rest. */
  static HttpResponse<String> send(StaffClient client, Route r, String commune) throws Exception {
    String path = r.path().replace("{commune}", commune).replace("{point}", TestHub.POINT)
        .replace("{code}", "AT-T1-0001").replace("{criterion}", "device-internet").replace("{session}", "khong-co")
        .replace("{kiosk}", "khong-co").replace("{id}", "khong-co").replace("{username}", "khong-co")
        .replace("{team}", "0").replace("{member}", "0").replace("{seq}", "0").replace("{event}", "khong-co")
        .replace("{province}", commune.equals(OTHER) ? otherProvince : commune.equals("*") ? PROVINCE : commune);
    return r.method() == HandlerType.GET ? client.get(path) : client.postForm(path, Map.of());
  }
}
