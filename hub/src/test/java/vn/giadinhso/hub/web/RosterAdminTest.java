package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.household.Household;

/**
 * Issue 12: a roster CSV uploaded in the browser is previewed (added, changed with fields,
 * unchanged, rejected with line and reason) before anything is stored, applied only as staff
 * choose, and never shows an ID number; one household added and edited by form. Over real HTTP,
 * on both databases.
 */
class RosterAdminTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String ID_AN = "052190012345";
  static final String ID_BINH = "052195012376";
  static final String ID_CUONG = "052188001234";
  static final String ID_DUNG = "052199004321";
  static final String ID_LONG = "052192007777";
  static final String ID_IN_NAME = "052190099999";
  static final String ID_NEW = "052187005555";
  static final String ID_ADDED = "052186006666";
  static final String ID_RACE = "052185003333";
  static final List<String> IDS = List.of(ID_AN, ID_BINH, ID_CUONG, ID_DUNG, ID_LONG, ID_IN_NAME, ID_NEW, ID_ADDED, ID_RACE);

  static final String HEADER = "household_code,village,head_name,members,groups,flags\n";
  /** Line 2 changes groups, 3 is unchanged, 4 and 10 are new, 5–9 are rejected for five reasons. */
  static final String FILE = HEADER
      + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (" + ID_AN + "); Trần Thị Bình (" + ID_BINH + "),officials,\n"
      + "AT-T1-0002,Thôn Tân Thành,Lê Văn Cường,Lê Văn Cường (" + ID_CUONG + "),,\n"
      + "AT-T1-0003,Thôn Tân Thành,Phạm Thị Dung,Phạm Thị Dung (" + ID_DUNG + "),,business\n"
      + "AT-T1-0004,Thôn Hòa Bình,Võ Văn Em,Võ Văn Em (12345),,\n"
      + "AT-T1-0005,Thôn Hòa Bình,Đỗ Văn Phúc,Đỗ Văn Phúc,no-such-group,\n"
      + "AT-T1-0003,Thôn Hòa Bình,Ngô Văn Giang,Ngô Văn Giang,,\n"
      + "AT-T1-0006,,Hồ Văn Hải,Hồ Văn Hải,,\n"
      + "AT-T1-0007,Thôn Hòa Bình,Bùi Văn " + ID_IN_NAME + ",Bùi Văn Khoa,,\n"
      + "AT-T1-0008,Thôn Hòa Bình,Trịnh Văn Long,Trịnh Văn Long (" + ID_LONG + "),,producer\n";

  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient staff;
  static ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    hub = new TestHub(dir);
    hub.importRoster(HEADER
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (" + ID_AN + "); Trần Thị Bình (" + ID_BINH + "),,\n"
        + "AT-T1-0002,Thôn Tân Thành,Lê Văn Cường,Lê Văn Cường (" + ID_CUONG + "),,\n");
    var users = hub.hub.users;
    users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    users.create("can-bo-a2", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    users.create("can-bo-kc", PASSWORD, UserStore.Role.STAFF, "kon-chieng");
    users.create("xem-xa", PASSWORD, new Assignment(UserStore.Role.VIEWER, null, List.of("an-tuong")));
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    hub.close();
  }

  private static HttpResponse<String> upload(StaffClient client, String csv) throws Exception {
    client.get("/dashboard/c/an-tuong/roster");
    return client.postFile("/dashboard/c/an-tuong/roster", Map.of(), "file", "danh-sach.csv",
        csv.getBytes(StandardCharsets.UTF_8));
  }

  private static String token(String page) {
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(m.find(), page);
    return m.group(1);
  }

  private static String count(String page, String id) {
    Matcher m = Pattern.compile("<span id=\"" + id + "\">(\\d+)</span>").matcher(page);
    assertTrue(m.find(), id + " in " + page);
    return m.group(1);
  }

  private static void assertNoIdNumber(String text, String where) {
    for (String id : IDS) {
      assertFalse(text.contains(id), "a full ID number in " + where);
      assertFalse(text.contains(id.substring(4)), "more than the last digits of an ID number in " + where);
    }
  }

  private static Household stored(String code) {
    return hub.hub.households.find(code).orElseThrow(() -> new AssertionError("not stored: " + code)).household();
  }

  @Test
  void aFileWithErrorsIsPreviewedThenOnlyItsValidRowsAreAppliedWhenChosen() throws Exception {
    int before = hub.hub.households.count("an-tuong");
    HttpResponse<String> preview = upload(staff, FILE);
    assertEquals(200, preview.statusCode(), preview.body());
    String page = preview.body();
    assertEquals("2", count(page, "count-added"));
    assertEquals("1", count(page, "count-changed"));
    assertEquals("1", count(page, "count-unchanged"));
    assertEquals("5", count(page, "count-rejected"));
    // Each rejected row by its line, with the reason in Vietnamese.
    Map<Integer, String> reasons = Map.of(5, "số định danh trong ngoặc phải gồm 12 chữ số",
        6, "không có trong bộ tiêu chí", 7, "trùng với dòng 4", 8, "Thiếu thôn", 9, "Họ tên chủ hộ chứa số định danh");
    for (var reason : reasons.entrySet()) {
      Matcher row = Pattern.compile("<tr data-line=\"" + reason.getKey() + "\">(.*?)</tr>").matcher(page);
      assertTrue(row.find(), "line " + reason.getKey() + " rejected: " + page);
      assertTrue(row.group(1).contains(reason.getValue()), row.group(1));
    }
    Matcher changed = Pattern.compile("<tr data-code=\"AT-T1-0001\">(.*?)</tr>").matcher(page);
    assertTrue(changed.find() && changed.group(1).contains("nhóm"), "which field changes: " + page);
    assertTrue(page.contains("data-code=\"AT-T1-0003\"") && page.contains("data-code=\"AT-T1-0008\""), page);
    assertTrue(page.contains("Phạm T. D.") && page.contains("**********21"), "members masked: " + page);
    assertNoIdNumber(page, "the preview");

    // Nothing is stored before apply.
    assertEquals(before, hub.hub.households.count("an-tuong"));
    assertTrue(hub.hub.households.find("AT-T1-0003").isEmpty());
    assertTrue(stored("AT-T1-0001").groups().isEmpty());

    // With errors, applying needs the "apply the valid rows" box.
    String token = token(page);
    HttpResponse<String> unticked = staff.postForm("/dashboard/c/an-tuong/roster/apply", Map.of("token", token));
    assertEquals(400, unticked.statusCode());
    assertTrue(unticked.body().contains("Áp dụng các dòng hợp lệ"), unticked.body());
    assertEquals(before, hub.hub.households.count("an-tuong"));

    // Another staff member of the commune cannot apply this session's preview.
    StaffClient colleague = StaffClient.signedIn(hub, "can-bo-a2", PASSWORD);
    colleague.get("/dashboard/c/an-tuong/roster");
    assertEquals(400, colleague.postForm("/dashboard/c/an-tuong/roster/apply",
        Map.of("token", token, "applyValid", "yes")).statusCode());
    assertEquals(before, hub.hub.households.count("an-tuong"));

    HttpResponse<String> applied = staff.postForm("/dashboard/c/an-tuong/roster/apply",
        Map.of("token", token, "applyValid", "yes"));
    assertEquals(200, applied.statusCode(), applied.body());
    assertTrue(applied.body().contains("id=\"roster-applied\""), applied.body());
    assertNoIdNumber(applied.body(), "the result page");
    // Exactly the valid rows: two added, one changed, the rejected ones absent.
    assertEquals(before + 2, hub.hub.households.count("an-tuong"));
    assertEquals(java.util.Set.of("officials"), stored("AT-T1-0001").groups());
    assertEquals(java.util.Set.of("business"), stored("AT-T1-0003").flags());
    assertEquals("Thôn Tân Thành", stored("AT-T1-0003").village());
    assertEquals("**********77", stored("AT-T1-0008").members().get(0).idMasked());
    for (String code : List.of("AT-T1-0004", "AT-T1-0005", "AT-T1-0006", "AT-T1-0007")) {
      assertTrue(hub.hub.households.find(code).isEmpty(), code);
    }
    // The same preview applies once.
    assertEquals(400, staff.postForm("/dashboard/c/an-tuong/roster/apply",
        Map.of("token", token, "applyValid", "yes")).statusCode());

    // In the list, and audited without an ID number.
    String list = staff.get("/dashboard/c/an-tuong/households?q=AT-T1-0008").body();
    assertTrue(list.contains("AT-T1-0008"), list);
    var audit = hub.hub.audit.recent("an-tuong", 50);
    assertTrue(audit.stream().anyMatch(e -> e.action().equals("roster.previewed") && e.actor().equals("can-bo-a")));
    assertTrue(audit.stream().anyMatch(e -> e.action().equals("roster.applied")
        && e.detail().contains("added 2, changed 1, unchanged 1, rejected 5")), audit.toString());
    assertNoIdNumber(audit.toString(), "the audit log");
    assertNoIdNumber(staff.get("/dashboard/audit").body(), "the audit page");
    assertNoIdNumber(logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList().toString(), "the logs");
  }

  @Test
  void aCleanFileAppliesWithoutTheBox() throws Exception {
    String page = upload(staff, HEADER + "AT-T3-0001,Thôn Ba,Đặng Văn Minh,Đặng Văn Minh,,\n").body();
    assertEquals("0", count(page, "count-rejected"));
    assertFalse(page.contains("id=\"apply-valid\""), page);
    assertEquals(200, staff.postForm("/dashboard/c/an-tuong/roster/apply", Map.of("token", token(page))).statusCode());
    assertEquals("Đặng Văn Minh", stored("AT-T3-0001").headName());
  }

  @Test
  void aPreviewOutdatedByAnotherImportIsNotApplied() throws Exception {
    String page = upload(staff, HEADER + "AT-T8-0001,Thôn Tám,Lâm Văn Tài,Lâm Văn Tài (" + ID_RACE + "),,\n").body();
    // Meanwhile the same person is put on another household (e.g. by import-households).
    hub.importRoster(HEADER + "AT-T8-0002,Thôn Tám,Lâm Văn Tài,Lâm Văn Tài (" + ID_RACE + "),,\n");
    HttpResponse<String> refused = staff.postForm("/dashboard/c/an-tuong/roster/apply", Map.of("token", token(page)));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("tải tệp lên lại"), refused.body());
    assertTrue(hub.hub.households.find("AT-T8-0001").isEmpty());
  }

  @Test
  void oversizedAndNonUtf8FilesAreRefusedAndStoreNothing() throws Exception {
    int before = hub.hub.households.count("an-tuong");
    staff.get("/dashboard/c/an-tuong/roster");
    byte[] windows1258 = (HEADER + "AT-T4-0001,Thôn Bốn,Lý Văn Nam,Lý Văn Nam,,\n").getBytes(java.nio.charset.Charset.forName("windows-1258"));
    HttpResponse<String> notUtf8 = staff.postFile("/dashboard/c/an-tuong/roster", Map.of(), "file", "cu.csv", windows1258);
    assertEquals(400, notUtf8.statusCode());
    assertTrue(notUtf8.body().contains("CSV UTF-8"), notUtf8.body());

    StringBuilder big = new StringBuilder(HEADER);
    for (int i = 0; big.length() <= RosterRoutes.MAX_FILE; i++) {
      big.append(String.format("AT-T5-%05d,Thôn Năm,Lý Văn Nam,Lý Văn Nam; Lý Thị Hoa; Lý Văn Quang; Lý Thị Sen,,%n", i));
    }
    HttpResponse<String> tooBig = staff.postFile("/dashboard/c/an-tuong/roster", Map.of(), "file", "lon.csv",
        big.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(413, tooBig.statusCode());
    assertTrue(tooBig.body().contains("tối đa 5 MB"), tooBig.body());
    assertEquals(before, hub.hub.households.count("an-tuong"));
  }

  @Test
  void aViewerAndAnotherCommunesStaffAreRefusedAndSeeNoForms() throws Exception {
    for (String user : List.of("xem-xa", "can-bo-kc")) {
      StaffClient client = StaffClient.signedIn(hub, user, PASSWORD);
      assertEquals(403, client.get("/dashboard/c/an-tuong/roster").statusCode(), user);
      assertEquals(403, client.get("/dashboard/c/an-tuong/roster/new").statusCode(), user);
      assertEquals(403, client.get("/dashboard/c/an-tuong/households/AT-T1-0001/edit").statusCode(), user);
      assertEquals(403, client.postFile("/dashboard/c/an-tuong/roster", Map.of(), "file", "x.csv",
          (HEADER + "AT-T6-0001,Thôn Sáu,Mai Văn Tùng,Mai Văn Tùng,,\n").getBytes(StandardCharsets.UTF_8)).statusCode(), user);
      assertEquals(403, client.postForm("/dashboard/c/an-tuong/roster/new", Map.of("code", "AT-T6-0002",
          "village", "Thôn Sáu", "head", "Mai Văn Tùng", "members", "Mai Văn Tùng")).statusCode(), user);
      assertEquals(403, client.postForm("/dashboard/c/an-tuong/roster/apply", Map.of("token", "x")).statusCode(), user);
    }
    StaffClient viewer = StaffClient.signedIn(hub, "xem-xa", PASSWORD);
    String list = viewer.get("/dashboard/c/an-tuong/households").body();
    assertFalse(list.contains("id=\"roster-link\"") || list.contains("/roster/new"), list);
    String household = viewer.get("/dashboard/c/an-tuong/households/AT-T1-0002").body();
    assertFalse(household.contains("<form id=\"labels\"") || household.contains("/edit\""), household);
    assertTrue(hub.hub.households.find("AT-T6-0001").isEmpty() && hub.hub.households.find("AT-T6-0002").isEmpty());
  }

  @Test
  void oneHouseholdIsAddedThenEditedWithMembersMasked() throws Exception {
    staff.get("/dashboard/c/an-tuong/roster/new");
    HttpResponse<String> bad = staff.postFormPairs("/dashboard/c/an-tuong/roster/new", List.of(Map.entry("code", "AT-T7-0001"),
        Map.entry("village", "Thôn Bảy"), Map.entry("head", "Cao Văn Phong"), Map.entry("members", "Cao Văn Phong (0521)")));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("số định danh trong ngoặc phải gồm 12 chữ số"), bad.body());

    HttpResponse<String> created = staff.postFormPairs("/dashboard/c/an-tuong/roster/new", List.of(
        Map.entry("code", "at-t7-0001"), Map.entry("village", "Thôn Bảy"), Map.entry("head", "Cao Văn Phong"),
        Map.entry("members", "Cao Văn Phong (" + ID_NEW + ")\nCao Thị Quế"), Map.entry("group", "women-farmers"),
        Map.entry("flag", "producer")));
    assertEquals(303, created.statusCode(), created.body());
    Household h = stored("AT-T7-0001");
    assertEquals(2, h.members().size());
    assertEquals(hub.hub.memberKeys.hash("an-tuong", ID_NEW), h.members().get(0).idHash(), "stored as the importer stores it");
    assertEquals(java.util.Set.of("women-farmers"), h.groups());
    assertEquals(java.util.Set.of("producer"), h.flags());

    String form = staff.get("/dashboard/c/an-tuong/households/AT-T7-0001/edit").body();
    assertTrue(form.contains("Cao V. P.") && form.contains("**********55"), form);
    assertNoIdNumber(form, "the edit form");
    // Remove the second member, add one with an ID number, change the village and drop the group.
    HttpResponse<String> saved = staff.postFormPairs("/dashboard/c/an-tuong/households/AT-T7-0001/edit", List.of(
        Map.entry("village", "Thôn Tám"), Map.entry("head", ""), Map.entry("keep", "0"),
        Map.entry("members", "Cao Văn Sơn (" + ID_ADDED + ")"), Map.entry("flag", "producer")));
    assertEquals(303, saved.statusCode(), saved.body());
    Household after = stored("AT-T7-0001");
    assertEquals("Thôn Tám", after.village());
    assertEquals("Cao Văn Phong", after.headName());
    assertEquals(List.of("Cao Văn Phong", "Cao Văn Sơn"), after.members().stream().map(m -> m.fullName()).toList());
    assertEquals(h.members().get(0), after.members().get(0));
    assertTrue(after.groups().isEmpty());

    // The same ID number cannot join a second household.
    staff.get("/dashboard/c/an-tuong/roster/new");
    HttpResponse<String> taken = staff.postFormPairs("/dashboard/c/an-tuong/roster/new", List.of(Map.entry("code", "AT-T7-0002"),
        Map.entry("village", "Thôn Bảy"), Map.entry("head", "Cao Văn Sơn"), Map.entry("members", "Cao Văn Sơn (" + ID_ADDED + ")")));
    assertEquals(400, taken.statusCode());
    assertTrue(taken.body().contains("AT-T7-0001"), taken.body());
    assertNoIdNumber(taken.body(), "the refusal");

    String page = staff.get("/dashboard/c/an-tuong/households/AT-T7-0001").body();
    assertTrue(page.contains("**********66"), page);
    assertNoIdNumber(page, "the household page");
    var audit = hub.hub.audit.recent("an-tuong", 50);
    assertTrue(audit.stream().anyMatch(e -> e.action().equals("household.created") && e.subject().equals("AT-T7-0001")));
    assertTrue(audit.stream().anyMatch(e -> e.action().equals("household.edited") && e.subject().equals("AT-T7-0001")
        && e.detail().contains("VILLAGE") && e.detail().contains("MEMBERS")), audit.toString());
    assertNoIdNumber(audit.toString(), "the audit log");
  }
}
