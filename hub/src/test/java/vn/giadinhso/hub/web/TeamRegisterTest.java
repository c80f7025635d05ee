package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.teams.Team;
import vn.giadinhso.hub.teams.TeamMember;

/**
 * Issue 15: the register of community technology teams in the browser, over real HTTP on both
 * databases (TestDatabase). Staff of the commune build a team, give households to members and
 * record training; readers of the commune see it without phone numbers; staff of another commune
 * reach none of it.
 */
class TeamRegisterTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  /** 10 November 2026, 10:00 in Vietnam. */
  static final Instant NOW = Instant.parse("2026-11-10T03:00:00Z");

  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient staff;
  static StaffClient viewer;
  static StaffClient otherStaff;

  @BeforeAll
  static void start() throws Exception {
    hub = new TestHub(dir, new ManualClock(NOW));
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-T1-0001,Thôn Tân Thành,Trần Văn Bình,Trần Văn Bình (052190012345),,\n"
        + "AT-T1-0002,Thôn Tân Thành,Đặng Thị Ngọc,Đặng Thị Ngọc,,\n"
        + "AT-T1-0003,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An,,\n"
        + "AT-T2-0004,Thôn Hội Long,Phạm Quốc Việt,Phạm Quốc Việt,,\n");
    hub.hub.households.upsert(List.of(new Household("KC-T1-0001", "kon-chieng", "Làng Đê Tar", "Trần Văn Hùng",
        List.of(new Member("Trần Văn Hùng", null, null)), Set.of(), Set.of())));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    hub.hub.users.create("can-bo-kc", PASSWORD, UserStore.Role.STAFF, "kon-chieng");
    hub.hub.users.create("xem-xa", PASSWORD, new Assignment(UserStore.Role.VIEWER, null, List.of("an-tuong")));
    hub.hub.users.create("to-vien-hoa", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    viewer = StaffClient.signedIn(hub, "xem-xa", PASSWORD);
    otherStaff = StaffClient.signedIn(hub, "can-bo-kc", PASSWORD);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static String village(String name) {
    return hub.hub.teams.villages("an-tuong").entrySet().stream().filter(e -> e.getValue().equals(name))
        .findFirst().orElseThrow().getKey();
  }

  /** Creates a team through the form; its id. */
  private static long createTeam(String name, String villageId) throws Exception {
    staff.get("/dashboard/c/an-tuong/teams");
    HttpResponse<String> created = staff.postForm("/dashboard/c/an-tuong/teams", Map.of("name", name, "village", villageId));
    assertEquals(303, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private static HttpResponse<String> addMember(long team, String name, String phone, String role) throws Exception {
    return staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/members",
        Map.of("fullName", name, "phone", phone, "role", role, "username", ""));
  }

  private static TeamMember member(long team, String name) {
    return hub.hub.teams.members(team).stream().filter(m -> m.fullName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void staffBuildATeamGiveHouseholdsToMembersAndRecordTraining() throws Exception {
    long team = createTeam("Tổ CNSCĐ thôn Tân Thành", village("Thôn Tân Thành"));
    assertEquals(303, addMember(team, "Lê Văn Hòa", "+84 912 345 678", "LEADER").statusCode());
    assertEquals(303, addMember(team, "Rơ Mah H'Bia", "0387.654.321", "MEMBER").statusCode());
    TeamMember hoa = member(team, "Lê Văn Hòa");
    assertEquals("0912345678", hoa.phone(), "kept in one form");

    // Households found by name without diacritics, then given to a member.
    String page = staff.get("/dashboard/c/an-tuong/teams/" + team + "?q=" + URLEncoder.encode("tran van binh", StandardCharsets.UTF_8)).body();
    assertTrue(page.contains("id=\"assign-AT-T1-0001\"") && !page.contains("assign-AT-T1-0002"), page);
    assertTrue(page.contains("Trần V. B."), "heads masked: " + page);
    for (String code : List.of("AT-T1-0001", "AT-T1-0002")) {
      assertEquals(303, staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/assign",
          Map.of("member", String.valueOf(hoa.id()), "code", code)).statusCode());
    }
    TeamMember bia = member(team, "Rơ Mah H'Bia");
    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/assign",
        Map.of("member", String.valueOf(bia.id()), "code", "at-t1-0002")).statusCode());
    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/members/" + hoa.id() + "/training",
        Map.of("course", "Bình dân học vụ số", "date", "2026-10-15", "certificate", "BDHVS-2026-0142",
            "issuer", "Trung tâm Chính trị xã")).statusCode());

    page = staff.get("/dashboard/c/an-tuong/teams/" + team).body();
    assertTrue(page.contains("0912 345 678") && page.contains("Bình dân học vụ số · 15/10/2026")
        && page.contains("BDHVS-2026-0142"), page);

    // The list: 2 members, 1 trained, 2 of the village's 3 households; the rest listed as looked after by nobody.
    String list = staff.get("/dashboard/c/an-tuong/teams").body();
    String row = list.substring(list.indexOf("id=\"team-" + team + "\""));
    row = row.substring(0, row.indexOf("</tr>"));
    assertTrue(row.contains("Lê Văn Hòa") && row.contains("<td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">2 / 3</td>"), row);
    String nobody = list.substring(list.indexOf("id=\"looked-after-by-nobody\""));
    assertTrue(nobody.contains("AT-T1-0003") && nobody.contains("AT-T2-0004") && !nobody.contains("AT-T1-0001"), nobody);

    // Released: no longer looked after by Hòa (Bia still looks after AT-T1-0002).
    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/members/" + hoa.id()
        + "/households/AT-T1-0002/release", Map.of()).statusCode());
    assertEquals(List.of("AT-T1-0001"), hub.hub.teams.householdsOf(team).get(hoa.id()).stream().map(h -> h.code()).toList());

    // The report lines: the commune's report and the province's page say the same as the register.
    var c = hub.hub.teams.coverage("an-tuong");
    String expected = c.teams() + " tổ, " + c.members() + " thành viên, " + c.trained() + " thành viên đã tập huấn; "
        + c.lookedAfter() + "/" + c.households() + " hộ có thành viên phụ trách";
    String report = staff.get("/dashboard/c/an-tuong/report").body();
    assertTrue(report.contains(expected), expected + " in " + report);
    assertTrue(staff.get("/dashboard/c/an-tuong/teams").body().contains("<span class=\"n\" id=\"value-looked-after\">"
        + c.lookedAfter() + "</span>"));
    hub.hub.users.create("tinh-gl", PASSWORD, Assignment.province("52"));
    String province = StaffClient.signedIn(hub, "tinh-gl", PASSWORD).get("/dashboard/provinces/52").body();
    String line = province.substring(province.indexOf("id=\"teams-an-tuong\""));
    line = line.substring(0, line.indexOf("</tr>"));
    assertTrue(line.contains("<td class=\"num\">" + c.members() + "</td>")
        && line.contains(c.lookedAfter() + " / " + c.households()), line);
    // A province officer reads the team but not its phone numbers.
    assertFalse(StaffClient.signedIn(hub, "tinh-gl", PASSWORD).get("/dashboard/c/an-tuong/teams/" + team).body().contains("0912"));

    var audit = hub.hub.audit.recent("an-tuong", 50);
    for (String action : List.of("team.created", "team.member.added", "team.household.assigned", "team.training.recorded",
        "team.household.released")) {
      assertTrue(audit.stream().anyMatch(e -> e.action().equals(action)), action + " in " + audit);
    }
    assertTrue(audit.stream().noneMatch(e -> e.detail().contains("912") || e.detail().contains("0387")
        || e.detail().contains("Hòa")), "no phone number or name in the audit log: " + audit);
    assertTrue(audit.stream().anyMatch(e -> e.action().equals("team.household.assigned")
        && e.subject().equals(team + "/" + hoa.id()) && e.detail().equals("looks after AT-T1-0001")), audit.toString());
  }

  @Test
  void badInputIsRefusedAndNothingIsStored() throws Exception {
    long team = createTeam("Tổ CNSCĐ thôn Hội Long", village("Thôn Hội Long"));
    HttpResponse<String> badPhone = addMember(team, "Võ Thị Lan", "024 3825 1234", "MEMBER");
    assertEquals(400, badPhone.statusCode());
    assertTrue(badPhone.body().contains("không phải số di động Việt Nam") && !badPhone.body().contains("3825"), badPhone.body());
    assertEquals(400, addMember(team, "Võ Thị Lan", "0912", "MEMBER").statusCode());
    assertEquals(400, addMember(team, "Võ Thị Lan", "0935111222", "CHIEF").statusCode());
    HttpResponse<String> idInName = addMember(team, "Võ Thị Lan 052190012345", "0935111222", "MEMBER");
    assertEquals(400, idInName.statusCode());
    assertFalse(idInName.body().contains("052190012345"), idInName.body());
    assertTrue(hub.hub.teams.members(team).isEmpty());

    assertEquals(303, addMember(team, "Võ Thị Lan", "0935 111 222", "LEADER").statusCode());
    HttpResponse<String> duplicate = addMember(team, "Võ Thị Lan", "+84935111222", "MEMBER");
    assertEquals(400, duplicate.statusCode());
    assertTrue(duplicate.body().contains("đã thuộc một thành viên của tổ Tổ CNSCĐ thôn Hội Long"), duplicate.body());
    HttpResponse<String> secondLeader = addMember(team, "Đinh Văn Tú", "0978 000 111", "LEADER");
    assertEquals(400, secondLeader.statusCode());
    assertTrue(secondLeader.body().contains("Tổ đã có tổ trưởng (Võ Thị Lan)"), secondLeader.body());
    HttpResponse<String> noAccount = staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/members",
        Map.of("fullName", "Đinh Văn Tú", "phone", "0978 000 111", "role", "DEPUTY", "username", "khong-co"));
    assertEquals(400, noAccount.statusCode());
    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/members",
        Map.of("fullName", "Đinh Văn Tú", "phone", "0978 000 111", "role", "DEPUTY", "username", "to-vien-hoa")).statusCode());
    assertEquals(2, hub.hub.teams.members(team).size());

    TeamMember lan = member(team, "Võ Thị Lan");
    for (String code : List.of("AT-T9-9999", "KC-T1-0001")) {
      HttpResponse<String> unknown = staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/assign",
          Map.of("member", String.valueOf(lan.id()), "code", code));
      assertEquals(400, unknown.statusCode(), code);
      assertTrue(unknown.body().contains("Không có hộ này trong xã"), unknown.body());
    }
    assertEquals(400, staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/members/" + lan.id() + "/training",
        Map.of("course", "Bình dân học vụ số", "date", "2026-12-01")).statusCode(), "a date still to come");
    assertEquals(400, staff.postForm("/dashboard/c/an-tuong/teams", Map.of("name", "Tổ CNSCĐ thôn Hội Long", "village", ""))
        .statusCode(), "two teams of one name");
    assertTrue(hub.hub.teams.householdsOf(team).isEmpty() && hub.hub.teams.trainingsOf(team).isEmpty());

    // Removing needs the box ticked; then the member goes with what they looked after.
    assertEquals(400, staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/members/" + lan.id() + "/remove", Map.of())
        .statusCode());
    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/teams/" + team + "/members/" + lan.id() + "/remove",
        Map.of("confirm", "yes")).statusCode());
    assertEquals(List.of("Đinh Văn Tú"), hub.hub.teams.members(team).stream().map(TeamMember::fullName).toList());
  }

  @Test
  void readersSeeNoPhoneNumbersAndOtherCommunesReachNothing() throws Exception {
    long team = createTeam("Tổ CNSCĐ xã", "");
    assertEquals(303, addMember(team, "=HYPERLINK(\"http://x\")", "0868 222 333", "MEMBER").statusCode());
    TeamMember member = member(team, "=HYPERLINK(\"http://x\")");

    HttpResponse<String> read = viewer.get("/dashboard/c/an-tuong/teams/" + team);
    assertEquals(200, read.statusCode());
    assertTrue(read.body().contains("id=\"phones-private\"") && !read.body().contains("0868") && !read.body().contains("id=\"member-form\""),
        read.body());
    String viewerCsv = viewer.get("/dashboard/c/an-tuong/teams/export/members.csv").body();
    assertFalse(viewerCsv.contains("0868") || viewerCsv.contains("Số điện thoại"), viewerCsv);
    String staffCsv = staff.get("/dashboard/c/an-tuong/teams/export/members.csv").body();
    assertTrue(staffCsv.contains("0868 222 333") && staffCsv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "phones for staff, formulas inert: " + staffCsv);
    assertEquals(403, viewer.postForm("/dashboard/c/an-tuong/teams/" + team + "/members",
        Map.of("fullName", "A", "phone", "0912000111", "role", "MEMBER")).statusCode());

    // Staff of Kon Chiêng: Ân Tường's register is closed to them, and their own commune's path
    // does not open Ân Tường's team either.
    assertEquals(403, otherStaff.get("/dashboard/c/an-tuong/teams").statusCode());
    assertEquals(403, otherStaff.get("/dashboard/c/an-tuong/teams/" + team).statusCode());
    assertEquals(403, otherStaff.get("/dashboard/c/an-tuong/teams/export/members.csv").statusCode());
    otherStaff.get("/dashboard/c/kon-chieng/teams");
    assertEquals(403, otherStaff.postForm("/dashboard/c/an-tuong/teams/" + team + "/members/" + member.id() + "/remove",
        Map.of("confirm", "yes")).statusCode());
    assertEquals(404, otherStaff.get("/dashboard/c/kon-chieng/teams/" + team).statusCode());
    assertEquals(404, otherStaff.postForm("/dashboard/c/kon-chieng/teams/" + team + "/members/" + member.id() + "/remove",
        Map.of("confirm", "yes")).statusCode());
    Team kcTeam = hub.hub.teams.createTeam("kon-chieng", null, "Tổ CNSCĐ Kon Chiêng");
    assertEquals(404, staff.postForm("/dashboard/c/an-tuong/teams/" + kcTeam.id() + "/members",
        Map.of("fullName", "A", "phone", "0912000111", "role", "MEMBER")).statusCode());
    assertEquals(1, hub.hub.teams.members(team).size());
  }

  @Test
  void aRosterFileAddsTheRowsTheRulesAcceptAndListsTheOthersByLineWithoutTheirCells() throws Exception {
    String csv = "\uFEFFteam,village,full_name,phone,role,username\n"
        + "Tổ nhập từ tệp,thon hoi long,Trương Văn Sáu,0977 123 456,tổ trưởng,\n"
        + "Tổ nhập từ tệp,thon hoi long,Y Bla Niê,0977 123 457,Thành viên,\n"
        + "Tổ nhập từ tệp,,Sai Số,0241234567,thành viên,\n"
        + "Tổ nhập từ tệp,,Hai Trưởng,0977 123 458,tổ trưởng,\n"
        + "Tổ khác,Thôn Không Có,Không Thôn,0977 123 459,,\n";
    staff.get("/dashboard/c/an-tuong/teams");
    HttpResponse<String> first = staff.postFile("/dashboard/c/an-tuong/teams/import", Map.of(), "file", "to.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, first.statusCode(), first.body());
    String body = first.body();
    assertTrue(body.contains("Đã thêm <span class=\"n\" id=\"value-added\">2</span> thành viên"), body);
    assertTrue(body.contains("Dòng 4: Số điện thoại không phải số di động Việt Nam")
        && body.contains("Dòng 5: Tổ đã có tổ trưởng (Trương Văn Sáu)") && body.contains("Dòng 6: Thôn này không thuộc xã"), body);
    assertFalse(body.contains("0241234567") || body.contains("Không Thôn") || body.contains("Sai Số"), "no cell echoed: " + body);
    Team team = hub.hub.teams.team("an-tuong", "Tổ nhập từ tệp").orElseThrow();
    assertEquals("Thôn Hội Long", team.villageName());
    assertEquals(List.of("LEADER", "MEMBER"), hub.hub.teams.members(team.id()).stream().map(m -> m.role().name()).toList());

    // The same file again: nothing added twice.
    String again = staff.postFile("/dashboard/c/an-tuong/teams/import", Map.of(), "file", "to.csv",
        csv.getBytes(StandardCharsets.UTF_8)).body();
    assertTrue(again.contains("Đã thêm <span class=\"n\" id=\"value-added\">0</span> thành viên, <span class=\"n\">2</span>"), again);
    assertEquals(2, hub.hub.teams.members(team.id()).size());
    assertTrue(hub.hub.audit.recent("an-tuong", 50).stream().anyMatch(e -> e.action().equals("team.roster.imported")
        && e.detail().startsWith("2 member(s) added, 0 unchanged, 1 team(s) created, 3 row(s) refused")));
    assertEquals(403, otherStaff.postFile("/dashboard/c/an-tuong/teams/import", Map.of(), "file", "to.csv",
        csv.getBytes(StandardCharsets.UTF_8)).statusCode());
  }
}
