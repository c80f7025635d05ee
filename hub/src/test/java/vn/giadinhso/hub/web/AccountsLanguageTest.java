package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.protocol.CriterionStatus;

/**
 * Issue 12 on the pages of sign-in, accounts, units, the audit log, errors, the two queues and the
 * kiosks: Vietnamese by default and English when chosen, with no words of the other language in
 * either; ids (request topics and states, criteria, roles, kiosk states, audit actions) shown by
 * their names; forms hidden from readers who could not submit them; the declarations search takes
 * {@code _} and {@code %} literally. Real HTTP, on SQLite and PostgreSQL.
 */
class AccountsLanguageTest extends SignedInStaffTest {
  static StaffClient admin;
  static StaffClient staffEn;
  static StaffClient adminEn;

  @BeforeAll
  static void accountsRequestsAndDeclarations() throws Exception {
    hub.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
    hub.hub.users.create("chi-xem", PASSWORD, new Assignment(UserStore.Role.VIEWER, null, List.of("an-tuong")));
    hub.hub.users.create("can-bo-tinh", PASSWORD, Assignment.province("52"));
    hub.hub.users.create("de-dat-lai", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    adminEn = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    adminEn.get("/language/en");
    staffEn = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    staffEn.get("/language/en");
    Enrolment kiosk = hub.enrolDirectly(vn.giadinhso.hub.TestHub.POINT);
    assertEquals(200, hub.post("/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(), "{\"events\":["
        + Events.event(new Events().newId(), "support.requested", "{\"topic\":\"scam\",\"phone\":\"0912345678\"}")
        + "," + Events.event(new Events().newId(), "criterion.declared",
        "{\"householdCode\":\"AT-T2-0002\",\"criterionId\":\"information-security\",\"status\":\"DECLARED\"}")
        + "]}").statusCode());
    // Households whose codes and names hold the LIKE wildcards, each with a declaration waiting.
    List<Household> wild = List.of(household("AT-T9_001", "Hộ Gạch Dưới"), household("AT-T9X001", "Hộ Chữ X"),
        household("AT-T9-100", "Nguyễn Văn 100% Số"), household("AT-T9-101", "Nguyễn Văn 100 Số"));
    hub.hub.households.upsert(wild);
    for (Household h : wild) {
      hub.hub.households.recordStatus(h.code(), new StatusRecord("information-security", CriterionStatus.DECLARED,
          "kiosk", "kiosk", Instant.now(), null));
    }
    // Something in the audit log of every kind the pages name: a reset, a disabled account, a sign-in.
    admin.get("/dashboard/users/de-dat-lai");
    admin.postForm("/dashboard/users/de-dat-lai/password", Map.of("password", "mot-lan-thoi-3456"));
  }

  private static Household household(String code, String head) {
    return new Household(code, "an-tuong", "Thôn Vĩnh Hòa", head, List.of(new Member(head, null, null)),
        java.util.Set.of(), java.util.Set.of());
  }

  /** Pages as staff of Ân Tường see them. */
  static final List<String> STAFF_PAGES = List.of("/dashboard/c/an-tuong/declarations",
      "/dashboard/c/an-tuong/requests", "/dashboard/c/an-tuong/kiosks", "/dashboard/account", "/dashboard/audit",
      "/dashboard/khong-co-trang-nay", "/dashboard/users");
  /** Pages as an admin sees them. */
  static final List<String> ADMIN_PAGES = List.of("/dashboard/users", "/dashboard/users/can-bo-a",
      "/dashboard/units", "/dashboard/audit", "/dashboard/c/an-tuong/kiosks");

  @Test
  void vietnamesePagesCarryNoEnglishAndEnglishPagesNoVietnamese() throws Exception {
    Messages messages = new Messages();
    List<String> failures = new ArrayList<>();
    for (String page : STAFF_PAGES) {
      check(page, staff.get(page).body(), messages, Messages.Language.EN, failures);
      check(page, staffEn.get(page).body(), messages, Messages.Language.VI, failures);
    }
    for (String page : ADMIN_PAGES) {
      check(page, admin.get(page).body(), messages, Messages.Language.EN, failures);
      check(page, adminEn.get(page).body(), messages, Messages.Language.VI, failures);
    }
    StaffClient anonymous = new StaffClient(hub);
    check("/login", anonymous.get("/login").body(), messages, Messages.Language.EN, failures);
    anonymous.get("/language/en");
    String login = anonymous.get("/login").body();
    check("/login", login, messages, Messages.Language.VI, failures);
    assertTrue(login.contains(">Username<") && login.contains(">Sign in</button>"), login);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /**
   * No text of {@code other}'s bundles (a fragment of six letters or more that the two languages
   * do not share) in the page's visible text, and in an English page no Vietnamese letters in
   * headings, column heads, buttons, legends and field names (data, such as names, aside).
   */
  private static void check(String page, String html, Messages messages, Messages.Language other, List<String> failures) {
    String text = visibleText(html);
    Messages.Language own = other == Messages.Language.EN ? Messages.Language.VI : Messages.Language.EN;
    for (String key : messages.keys(other)) {
      String foreign = messages.text(other, key);
      if (foreign.equals(messages.text(own, key))) {
        continue;
      }
      for (String fragment : foreign.split("\\{\\d}")) {
        fragment = fragment.strip();
        // As a whole word: "commune_code" in a file format's column list is not the English "commune".
        if (fragment.length() >= 6 && !messages.text(own, key).contains(fragment)
            && Pattern.compile("(?<!\\w)" + Pattern.quote(fragment) + "(?!\\w)").matcher(text).find()) {
          failures.add(page + " (" + own.code + ") shows " + other.code + " text of " + key + ": \"" + fragment + "\"");
        }
      }
    }
    if (other == Messages.Language.VI) {
      Matcher labels = Pattern.compile("<(th|button|h2|h3|legend|dt)\\b[^>]*>(.*?)</\\1>", Pattern.DOTALL).matcher(html);
      while (labels.find()) {
        String label = labels.group(2).replaceAll("<[^>]*>", "");
        if (!label.matches("[^àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ]*")
            && !labels.group(0).startsWith("<h3")) { // a province's heading is its (Vietnamese) name
          failures.add(page + " (en) has a Vietnamese label: " + label);
        }
      }
    }
  }

  /**
   * The words a reader sees: tags and attributes gone, the language switch (both names, always)
   * left out, and so are proper names the page marks {@code translate="no"} (a support point's).
   */
  static String visibleText(String html) {
    String body = html.substring(html.indexOf("<body>"));
    body = body.replaceAll("(?s)<(td|span|option)\\b[^>]*translate=\"no\"[^>]*>.*?</\\1>", " ");
    body = body.replaceAll("(?s)<span class=\"language\".*?</span>\\s*</span>|(?s)<span class=\"language\".*?</span>", " ");
    return body.replaceAll("(?s)<[^>]*>", " ").replace("&#39;", "'").replace("&amp;", "&").replace("&quot;", "\"")
        .replaceAll("\\s+", " ");
  }

  @Test
  void idsAppearAsTheirNames() throws Exception {
    String requestsVi = visibleText(staff.get("/dashboard/c/an-tuong/requests").body());
    String requestsEn = visibleText(staffEn.get("/dashboard/c/an-tuong/requests").body());
    assertTrue(requestsVi.contains("Lừa đảo qua mạng") && requestsVi.contains("Mới"), requestsVi);
    assertTrue(requestsEn.contains("Online scams") && requestsEn.contains("New"), requestsEn);
    for (String text : List.of(requestsVi, requestsEn)) {
      assertFalse(Pattern.compile("\\b(scam|OPEN|ASSIGNED|CLOSED)\\b").matcher(text).find(), text);
    }

    String declarationsVi = visibleText(staff.get("/dashboard/c/an-tuong/declarations").body());
    String declarationsEn = visibleText(staffEn.get("/dashboard/c/an-tuong/declarations").body());
    var criterion = hub.hub.criteria.active("an-tuong").orElseThrow().criteria().stream()
        .filter(c -> c.id().equals("information-security")).findFirst().orElseThrow();
    assertTrue(declarationsVi.contains(criterion.text().vi()), declarationsVi);
    assertTrue(declarationsEn.contains(criterion.text().en()), declarationsEn);
    assertFalse(declarationsVi.contains("information-security") || declarationsEn.contains("information-security"));

    String usersVi = visibleText(admin.get("/dashboard/users").body());
    String usersEn = visibleText(adminEn.get("/dashboard/users").body());
    assertTrue(usersVi.contains("Cán bộ xã") && usersVi.contains("Cán bộ tỉnh") && usersVi.contains("Chỉ xem"), usersVi);
    assertTrue(usersEn.contains("Commune staff") && usersEn.contains("Province officer") && usersEn.contains("Read only"));
    for (String text : List.of(usersVi, usersEn)) {
      assertFalse(Pattern.compile("\\b(ADMIN|PROVINCE|STAFF|VIEWER)\\b").matcher(text).find(), text);
    }

    String kiosksVi = visibleText(staff.get("/dashboard/c/an-tuong/kiosks").body());
    String kiosksEn = visibleText(staffEn.get("/dashboard/c/an-tuong/kiosks").body());
    assertTrue(kiosksVi.contains("Đang hoạt động") || kiosksVi.contains("Chưa từng liên lạc") || kiosksVi.contains("Mất liên lạc"),
        kiosksVi);
    assertTrue(kiosksEn.contains("Active") || kiosksEn.contains("Never seen") || kiosksEn.contains("Not seen for"), kiosksEn);

    String auditVi = visibleText(admin.get("/dashboard/audit").body());
    String auditEn = visibleText(adminEn.get("/dashboard/audit").body());
    assertTrue(auditVi.contains("Đăng nhập") && auditVi.contains("Đặt lại mật khẩu"), auditVi);
    assertTrue(auditEn.contains("Signed in") && auditEn.contains("Password reset"), auditEn);
    for (String text : List.of(auditVi, auditEn)) {
      assertFalse(Pattern.compile("\\b(login|user\\.password_reset|request\\.[a-z]+)\\b").matcher(text).find(), text);
    }
  }

  @Test
  void errorsAreInTheReadersLanguage() throws Exception {
    String vi = staff.get("/dashboard/c/kon-chieng/requests").body();
    String en = staffEn.get("/dashboard/c/kon-chieng/requests").body();
    assertTrue(vi.contains("Bạn không có quyền xem xã này") && !vi.contains("You may not"), vi);
    assertTrue(en.contains("You may not see this commune") && !en.contains("Bạn không"), en);
    var forged = staffEn.postRaw("/dashboard/c/an-tuong/requests/x", Map.of("_csrf", "gia-mao", "status", "CLOSED"));
    assertEquals(403, forged.statusCode());
    assertTrue(forged.body().contains("The form has expired or is not valid"), forged.body());
    String tooLong = "x".repeat(DashboardAccess.MAX_FIELD_BYTES + 1);
    var refused = staffEn.postForm("/dashboard/c/an-tuong/requests/x", Map.of("note", tooLong, "status", "CLOSED"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Text too long (note): at most 4 KB"), refused.body());
  }

  @Test
  void readersWhoCannotChangeTheCommuneSeeNoFormsToChangeIt() throws Exception {
    for (String who : List.of("chi-xem", "can-bo-tinh")) {
      StaffClient reader = StaffClient.signedIn(hub, who, PASSWORD);
      for (String page : List.of("declarations", "requests", "kiosks")) {
        String html = reader.get("/dashboard/c/an-tuong/" + page).body();
        assertEquals(1, count(html, "<form method=\"post\""), who + " on " + page + ": only the sign-out form\n" + html);
      }
    }
    for (String page : List.of("declarations", "requests", "kiosks")) {
      assertTrue(count(staff.get("/dashboard/c/an-tuong/" + page).body(), "<form method=\"post\"") > 1, page);
    }
  }

  @Test
  void theDeclarationsSearchTakesUnderscoreAndPercentLiterally() throws Exception {
    String underscore = staff.get("/dashboard/c/an-tuong/declarations?q=" + q("T9_0")).body();
    assertTrue(underscore.contains("decl-AT-T9_001-"), underscore);
    assertFalse(underscore.contains("decl-AT-T9X001-"), "_ is not a wildcard");
    String percent = staff.get("/dashboard/c/an-tuong/declarations?q=" + q("100%")).body();
    assertTrue(percent.contains("decl-AT-T9-100-"), percent);
    assertFalse(percent.contains("decl-AT-T9-101-"), "% is not a wildcard");
    String folded = staff.get("/dashboard/c/an-tuong/declarations?q=" + q("gach duoi")).body();
    assertTrue(folded.contains("decl-AT-T9_001-") && !folded.contains("decl-AT-T9-100-"), "diacritics ignored");
    String all = staff.get("/dashboard/c/an-tuong/declarations").body();
    assertTrue(all.contains("decl-AT-T9X001-") && all.contains("decl-AT-T2-0002-"), "no search: the whole queue");
    String idNumber = staff.get("/dashboard/c/an-tuong/declarations?q=" + q("052190012345")).body();
    assertTrue(idNumber.contains("id=\"declarations-refused\"") && !idNumber.contains("052190012345"), idNumber);
    assertTrue(hub.hub.declarations.queue("an-tuong", "T9_0").stream().allMatch(p -> p.householdCode().equals("AT-T9_001")));
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static int count(String html, String needle) {
    int n = 0;
    for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
