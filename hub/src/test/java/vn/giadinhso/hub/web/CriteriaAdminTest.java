package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.audit.AuditLog;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.protocol.CriterionStatus;

/**
 * Issue 12: a commune's criteria set administered over real HTTP: a bad file is refused with
 * every problem named and nothing stored; a good one waits as the session's draft while the
 * preview lists, from the real evaluator, the households whose status would change; publishing
 * stores it and kiosks receive it at their next sync; readers and other communes cannot change it.
 */
class CriteriaAdminTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final List<String> AN_TUONG = List.of("device-internet", "core-digital-citizen", "vneid-level2",
      "lookup-dossier-result", "information-security", "help-other-households");

  @TempDir Path dir;
  TestHub hub;
  StaffClient staff;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() throws Exception {
    hub = new TestHub(dir);
    // Two households meet all six criteria, one all but "help other households", one nothing.
    hub.hub.households.upsert(List.of(
        household("AT-T1-0001", "Trần Văn Bình"), household("AT-T1-0002", "Lê Thị Hoa"),
        household("AT-T2-0003", "Nguyễn Văn An"), household("AT-T2-0004", "Phạm Quốc Việt")));
    for (String code : List.of("AT-T1-0001", "AT-T1-0002")) {
      AN_TUONG.forEach(c -> met(code, c));
    }
    AN_TUONG.stream().filter(c -> !c.equals("help-other-households")).forEach(c -> met("AT-T2-0003", c));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  static Household household(String code, String head) {
    return new Household(code, "an-tuong", code.startsWith("AT-T1") ? "Thôn Tân Thành" : "Thôn Hội Long", head,
        List.of(new Member(head, null, null)), Set.of(), Set.of());
  }

  void met(String code, String criterion) {
    hub.hub.households.recordStatus(code, new StatusRecord(criterion, CriterionStatus.MET, "staff", "can-bo-a",
        Instant.parse("2026-03-01T03:00:00Z"), null));
  }

  ObjectNode anTuong() throws Exception {
    try (InputStream in = CriteriaAdminTest.class.getResourceAsStream("/criteria/an-tuong-2026.json")) {
      return (ObjectNode) json.readTree(in);
    }
  }

  /** Version 2 of Ân Tường's set with one more criterion, which no household has met yet. */
  ObjectNode withNewCriterion() throws Exception {
    ObjectNode set = anTuong().put("version", 2);
    ((ArrayNode) set.get("criteria")).addObject().put("id", "pay-online").put("pillar", "basic")
        .putObject("text").put("vi", "Biết thanh toán trực tuyến").put("en", "Can pay online");
    return set;
  }

  HttpResponse<String> upload(StaffClient client, String commune, byte[] file) throws Exception {
    return MultipartUpload.post(hub, client, "/dashboard/c/" + commune + "/criteria/upload", "bo-tieu-chi.json", file);
  }

  HttpResponse<String> upload(ObjectNode set) throws Exception {
    return upload(staff, "an-tuong", json.writeValueAsBytes(set));
  }

  int activeVersion() {
    return hub.hub.criteria.active("an-tuong").orElseThrow().version();
  }

  static String text(HttpResponse<String> page, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page.body());
    assertTrue(m.find(), id + " in " + page.body());
    return m.group(1);
  }

  @Test
  void theCurrentSetItsGroupsFlagsAndVersionsInTheReadersLanguage() throws Exception {
    HttpResponse<String> page = staff.get("/dashboard/c/kon-chieng/criteria");
    assertEquals(403, page.statusCode(), "another commune's set is not this account's");
    hub.hub.users.create("can-bo-kc", PASSWORD, UserStore.Role.STAFF, "kon-chieng");
    StaffClient kc = StaffClient.signedIn(hub, "can-bo-kc", PASSWORD);
    page = kc.get("/dashboard/c/kon-chieng/criteria");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Có sử dụng hóa đơn điện tử"), "criteria in Vietnamese");
    assertTrue(page.body().contains("Hộ kinh doanh"), "the business flag by its name");
    assertTrue(page.body().contains("id=\"criteria-upload\""), "staff of the commune may upload");
    assertTrue(page.body().contains("<tr data-version=\"1\">"), "the version history");
    kc.get("/language/en?back=/dashboard");
    page = kc.get("/dashboard/c/kon-chieng/criteria");
    assertTrue(page.body().contains("Uses e-invoices"), "criteria in English");
    assertTrue(page.body().contains("Household business"));
    assertTrue(page.body().contains("Version 1"));
  }

  @Test
  void aBadFileIsRefusedWithEveryProblemNamedAndNothingStored() throws Exception {
    ObjectNode bad = anTuong().put("communeId", "kon-chieng"); // wrong commune, version 1 not newer
    ArrayNode criteria = (ArrayNode) bad.get("criteria");
    ((ObjectNode) criteria.get(1)).put("id", "device-internet"); // duplicate id
    ((ObjectNode) criteria.get(2)).put("pillar", "khong-co"); // unknown pillar
    ((ObjectNode) criteria.get(3).get("text")).remove("vi"); // missing Vietnamese text
    HttpResponse<String> page = upload(staff, "an-tuong", json.writeValueAsBytes(bad));
    assertEquals(400, page.statusCode());
    String body = page.body();
    assertTrue(body.contains("id=\"criteria-problems\""), body);
    assertTrue(body.contains("Tệp dành cho xã &quot;kon-chieng&quot;, không phải xã này (an-tuong)"), body);
    assertTrue(body.contains("Phiên bản 1 không mới hơn phiên bản hiện tại (1)"), body);
    assertTrue(body.contains("<code>criteria[1].id</code>: Mã &quot;device-internet&quot; bị lặp lại"), body);
    assertTrue(body.contains("<code>criteria[2].pillar</code>: Nhóm tiêu chí &quot;khong-co&quot;"), body);
    assertTrue(body.contains("<code>criteria[3].text.vi</code>: Thiếu nội dung tiếng Việt"), body);

    assertTrue(upload(staff, "an-tuong", "{\"communeId\": ".getBytes(StandardCharsets.UTF_8)).body()
        .contains("Không phải JSON hợp lệ (dòng 1"));
    byte[] latin1 = anTuong().put("version", 2).toString().getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> notUtf8 = upload(staff, "an-tuong", latin1);
    assertEquals(400, notUtf8.statusCode());
    assertTrue(notUtf8.body().contains("Tệp không phải UTF-8"), notUtf8.body());
    HttpResponse<String> huge = upload(staff, "an-tuong", new byte[300 * 1024]);
    assertEquals(400, huge.statusCode());
    assertTrue(huge.body().contains("Tệp quá lớn: tối đa 256 KB"), huge.body());

    assertEquals(1, activeVersion());
    assertEquals(1, hub.hub.criteria.history("an-tuong").size());
    HttpResponse<String> preview = staff.get("/dashboard/c/an-tuong/criteria/preview");
    assertEquals(303, preview.statusCode(), "no draft was kept");
    assertTrue(audit().stream().noneMatch(e -> e.action().startsWith("criteria.")));
  }

  @Test
  void aNewCriterionNobodyMeetsTurnsEveryRecognisedHouseholdNotMetAndKiosksGetItOnlyAfterPublish() throws Exception {
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    JsonNode first = sync(kiosk, null);
    assertEquals(1, first.get("criteriaSet").get("version").asInt());

    HttpResponse<String> uploaded = upload(withNewCriterion());
    assertEquals(303, uploaded.statusCode(), uploaded.body());
    assertEquals("/dashboard/c/an-tuong/criteria/preview", uploaded.headers().firstValue("Location").orElse(""));
    HttpResponse<String> preview = staff.get("/dashboard/c/an-tuong/criteria/preview");
    assertEquals(200, preview.statusCode());
    assertEquals("4", text(preview, "preview-households"));
    assertEquals("2", text(preview, "preview-before"));
    assertEquals("0", text(preview, "preview-after"));
    assertEquals("2", text(preview, "preview-lost"));
    assertEquals("0", text(preview, "preview-gained"));
    List<String> listed = households(preview);
    assertEquals(List.of("AT-T1-0001", "AT-T1-0002"), listed.stream().sorted().toList());
    assertTrue(preview.body().contains("Trần V. B."), "heads masked");
    assertFalse(preview.body().contains("Trần Văn Bình"), "never a full name in the list");
    assertTrue(preview.body().contains("Biết thanh toán trực tuyến"), "the criterion holding them back, by name");

    // Nothing stored yet: the set, the kiosks and the reports still have version 1.
    assertEquals(1, activeVersion());
    assertNull(nullIfMissing(sync(kiosk, first.get("cursor").asText()).get("criteriaSet")));

    HttpResponse<String> published = staff.postForm("/dashboard/c/an-tuong/criteria/publish", java.util.Map.of());
    assertEquals(303, published.statusCode(), published.body());
    assertEquals("/dashboard/c/an-tuong/criteria?published=2", published.headers().firstValue("Location").orElse(""));
    assertEquals(2, activeVersion());
    JsonNode after = sync(kiosk, first.get("cursor").asText());
    assertEquals(2, after.get("criteriaSet").get("version").asInt(), "kiosks pick it up on their next sync");
    assertEquals(7, after.get("criteriaSet").get("criteria").size());
    HttpResponse<String> page = staff.get("/dashboard/c/an-tuong/criteria?published=2");
    assertTrue(page.body().contains("id=\"criteria-published\""));
    assertTrue(page.body().contains("<tr data-version=\"2\">") && page.body().contains("<tr data-version=\"1\">"));

    List<String> actions = audit().stream().map(AuditLog.Entry::action).toList();
    assertEquals(List.of("criteria.published", "criteria.uploaded"), actions.subList(0, 2));
    AuditLog.Entry entry = audit().get(0);
    assertEquals("can-bo-a", entry.actor());
    assertEquals("version 2", entry.subject());
    assertTrue(entry.detail().contains("recognised 2 -> 0 of 4 households"), entry.detail());

    assertEquals(303, staff.get("/dashboard/c/an-tuong/criteria/preview").statusCode(), "the draft is gone");
  }

  @Test
  void droppingACriterionShowsTheHouseholdsThatBecomeRecognised() throws Exception {
    ObjectNode set = anTuong().put("version", 3);
    ArrayNode criteria = (ArrayNode) set.get("criteria");
    criteria.remove(criteria.size() - 1); // help-other-households
    assertEquals(303, upload(set).statusCode());
    HttpResponse<String> preview = staff.get("/dashboard/c/an-tuong/criteria/preview");
    assertEquals("1", text(preview, "preview-gained"));
    assertEquals("0", text(preview, "preview-lost"));
    assertEquals(List.of("AT-T2-0003"), households(preview));
    assertTrue(preview.body().contains("id=\"preview-removed\""));
    assertTrue(preview.body().contains("Sẵn sàng hỗ trợ, hướng dẫn hộ gia đình khác"), "the dropped criterion by name");
  }

  @Test
  void theDraftBelongsToTheSessionThatUploadedItAndCanBeDiscarded() throws Exception {
    assertEquals(303, upload(withNewCriterion()).statusCode());
    StaffClient otherSession = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    assertEquals(303, otherSession.get("/dashboard/c/an-tuong/criteria/preview").statusCode());
    HttpResponse<String> refused = otherSession.postForm("/dashboard/c/an-tuong/criteria/publish", java.util.Map.of());
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Không có tệp nào đang chờ áp dụng"));
    assertEquals(1, activeVersion());

    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/criteria/discard", java.util.Map.of()).statusCode());
    assertEquals(303, staff.get("/dashboard/c/an-tuong/criteria/preview").statusCode());
    assertEquals(400, staff.postForm("/dashboard/c/an-tuong/criteria/publish", java.util.Map.of()).statusCode());
    assertEquals(1, activeVersion());
    assertEquals("criteria.discarded", audit().get(0).action());
  }

  @Test
  void readersAndOtherCommunesCannotUploadOrPublish() throws Exception {
    hub.hub.users.create("xem-xa", PASSWORD, UserStore.Role.VIEWER, "an-tuong");
    hub.hub.users.create("can-bo-kc", PASSWORD, UserStore.Role.STAFF, "kon-chieng");
    StaffClient viewer = StaffClient.signedIn(hub, "xem-xa", PASSWORD);
    StaffClient other = StaffClient.signedIn(hub, "can-bo-kc", PASSWORD);
    HttpResponse<String> page = viewer.get("/dashboard/c/an-tuong/criteria");
    assertEquals(200, page.statusCode());
    assertFalse(page.body().contains("criteria-upload"), "no form a viewer could not submit");
    byte[] file = json.writeValueAsBytes(withNewCriterion());
    assertEquals(403, upload(viewer, "an-tuong", file).statusCode());
    assertEquals(403, upload(other, "an-tuong", file).statusCode());
    assertEquals(403, other.get("/dashboard/c/an-tuong/criteria").statusCode());
    assertEquals(403, viewer.postForm("/dashboard/c/an-tuong/criteria/publish", java.util.Map.of()).statusCode());
    assertEquals(403, other.postForm("/dashboard/c/an-tuong/criteria/publish", java.util.Map.of()).statusCode());
    // Without the form's CSRF token the upload is refused before it is read.
    HttpResponse<String> forged = staff.postRaw("/dashboard/c/an-tuong/criteria/publish", java.util.Map.of());
    assertEquals(403, forged.statusCode());
    assertEquals(1, activeVersion());
  }

  JsonNode sync(Enrolment kiosk, String cursor) throws Exception {
    var response = hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync" + (cursor == null ? "" : "?since=" + cursor),
        kiosk.token());
    assertEquals(200, response.statusCode(), response.body());
    return json.readTree(response.body());
  }

  static JsonNode nullIfMissing(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  static List<String> households(HttpResponse<String> page) {
    Matcher m = Pattern.compile("<tr data-household=\"([A-Z0-9-]+)\"").matcher(page.body());
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  List<AuditLog.Entry> audit() {
    return hub.hub.audit.recent("an-tuong", 20);
  }

}
