package vn.giadinhso.hub.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.web.StaffClient;

/**
 * Per-person VNeID level-2 rates against a fixture counted by hand (issue 15), report year 2026.
 *
 * <pre>
 * Thôn Tân Thành
 *   AT-R-01 (officials' household)
 *     A 052190000001  born 1990, 36   VNeID yes
 *     B 052200000002  born 2000, 26   VNeID yes                youth
 *     C (no card)                                               not counted
 *   AT-R-02
 *     D 052060000003  born 1960, 66   nothing recorded
 *     E 052305000004  born 2005, 21   yes, then corrected to no youth
 * Thôn Hòa Bình
 *   AT-R-03 (officials' household)
 *     F 052185000005  born 1985, 41   nothing recorded
 *     G 052213000006  born 2013, 13   VNeID yes                under 14: counted nowhere
 *   AT-R-04
 *     I 052309000007  born 2009, 17   VNeID yes                youth
 *     J 052196000008  born 1996, 30   nothing recorded         youth (30 is still youth)
 *
 * Residents (card, 14+):      A B D E F I J = 7, activated A B I = 3   → 3/7
 *   Thôn Hòa Bình: F I J = 1/3;  Thôn Tân Thành: A B D E = 2/4
 * Officials' households:      A B F = 3, activated A B = 2             → 2/3
 *   Thôn Hòa Bình: F = 0/1;      Thôn Tân Thành: A B = 2/2
 * Youth (16–30):              B E I J = 4, activated B I = 2           → 2/4
 *   Thôn Hòa Bình: I J = 1/2;    Thôn Tân Thành: B E = 1/2
 * Without VNeID level 2:      D E (Tân Thành), F J (Hòa Bình) = 4
 * </pre>
 */
class PeopleReportTest {
  @TempDir Path dir;
  TestHub hub;

  @BeforeEach
  void fixture() throws Exception {
    // Ages, and so who counts as youth, depend on the year: the hand count is for 2026.
    hub = new TestHub(dir, Clock.fixed(Instant.parse("2026-11-15T03:00:00Z"), ZoneOffset.UTC));
    hub.importRoster("household_code,village,head_name,members,groups,flags,officials_household\n"
        + "AT-R-01,Thôn Tân Thành,Nguyễn Văn An,\"Nguyễn Văn An (052190000001); Nguyễn Văn Bảo (052200000002); Nguyễn Thị Cúc\",,,1\n"
        + "AT-R-02,Thôn Tân Thành,Trần Văn Dũng,\"Trần Văn Dũng (052060000003); Trần Thị Em (052305000004)\",,,\n"
        + "AT-R-03,Thôn Hòa Bình,Lê Văn Phúc,\"Lê Văn Phúc (052185000005); Lê Văn Giang (052213000006)\",,,có\n"
        + "AT-R-04,Thôn Hòa Bình,Phạm Thị Ích,\"Phạm Thị Ích (052309000007); Phạm Văn Jun (052196000008)\",,,\n");
    for (String id : List.of("052190000001", "052200000002", "052305000004", "052213000006", "052309000007")) {
      hub.hub.people.recordVneidByStaff("an-tuong", hub.hub.memberKeys.hash("an-tuong", id), true, "canbo");
    }
    hub.hub.people.recordVneidByStaff("an-tuong", hub.hub.memberKeys.hash("an-tuong", "052305000004"), false, "canbo");
  }

  @AfterEach
  void close() {
    hub.close();
  }

  static void rate(int count, int of, PeopleReport.Rate rate, String what) {
    assertEquals(count + "/" + of, rate.count() + "/" + rate.of(), what);
  }

  @Test
  void ratesPerPersonMatchTheHandCount() {
    PeopleReport report = hub.hub.peopleReports.report("an-tuong", 2026);
    assertEquals(PersonTargets.DEFAULTS, report.targets(), "Ân Tường's 35 / 100 / 100 until staff change them");
    assertEquals(3, report.areas().size());
    PeopleReport.Area commune = report.areas().get(0);
    rate(3, 7, commune.residents(), "residents");
    rate(2, 3, commune.officials(), "officials");
    rate(2, 4, commune.youth(), "youth");
    PeopleReport.Area hoaBinh = report.areas().get(1);
    assertEquals("Thôn Hòa Bình", hoaBinh.village());
    rate(1, 3, hoaBinh.residents(), "Hòa Bình residents");
    rate(0, 1, hoaBinh.officials(), "Hòa Bình officials");
    rate(1, 2, hoaBinh.youth(), "Hòa Bình youth");
    PeopleReport.Area tanThanh = report.areas().get(2);
    rate(2, 4, tanThanh.residents(), "Tân Thành residents");
    rate(2, 2, tanThanh.officials(), "Tân Thành officials");
    rate(1, 2, tanThanh.youth(), "Tân Thành youth");
  }

  @Test
  void theListForActionIsMaskedPerVillageAndExportsAsCsv() throws Exception {
    var missing = hub.hub.peopleReports.withoutVneid("an-tuong", java.util.Optional.empty());
    assertEquals(List.of("Lê V. Phúc **********05 AT-R-03 Thôn Hòa Bình", "Phạm V. Jun **********08 AT-R-04 Thôn Hòa Bình",
            "Trần V. Dũng **********03 AT-R-02 Thôn Tân Thành", "Trần T. Em **********04 AT-R-02 Thôn Tân Thành"),
        missing.stream().map(m -> m.maskedName() + " " + m.idMasked() + " " + m.householdCode() + " " + m.village()).toList());

    hub.hub.users.create("can-bo-r", "mat-khau-rat-dai-1", UserStore.Role.STAFF, "an-tuong");
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-r", "mat-khau-rat-dai-1");
    String page = staff.get("/dashboard/c/an-tuong/people/without-vneid?village=Th%C3%B4n%20H%C3%B2a%20B%C3%ACnh").body();
    assertTrue(page.contains("<span id=\"people-missing-count\">2</span>"), page);
    assertTrue(page.contains("Phạm V. Jun") && !page.contains("Trần V. Dũng"), "only the village chosen");
    String csv = new String(staff.getBytes("/dashboard/c/an-tuong/people/without-vneid.csv").body(), StandardCharsets.UTF_8);
    assertTrue(csv.contains("Thôn Tân Thành,AT-R-02,Trần T. Em,**********04"), csv);
    assertFalse(csv.contains("052305000004") || csv.contains("Trần Thị Em"), "masked as on the page");
    assertEquals(5, csv.strip().split("\r\n").length, "a header and four people");

    // Another commune's staff do not get the list.
    hub.hub.users.create("can-bo-k", "mat-khau-rat-dai-1", UserStore.Role.STAFF, "kon-chieng");
    assertEquals(403, StaffClient.signedIn(hub, "can-bo-k", "mat-khau-rat-dai-1")
        .get("/dashboard/c/an-tuong/people/without-vneid.csv").statusCode());
  }

  @Test
  void theCommuneReportsExportCarriesThePerPersonRatesAgainstTheTargets() throws Exception {
    hub.hub.users.create("can-bo-e", "mat-khau-rat-dai-1", UserStore.Role.STAFF, "an-tuong");
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-e", "mat-khau-rat-dai-1");
    String csv = new String(staff.getBytes("/dashboard/c/an-tuong/report.csv").body(), StandardCharsets.UTF_8);
    List<String> people = csv.lines().filter(l -> l.contains(",people:")).toList();
    assertEquals(9, people.size(), "three rates for the commune and each of its two villages: " + people);
    // The hand count above: scope and year, count, of, rate, the commune's target.
    assertTrue(people.get(0).startsWith("Xã ") && people.get(0).endsWith(" 2026,Người dân (từ 14 tuổi) có VNeID mức 2 "
        + "(Residents 14 and over with VNeID level 2),people:vneid-residents,3,7,42.9,35"), people.get(0));
    assertTrue(people.get(1).endsWith(",people:vneid-officials,2,3,66.7,100"), people.get(1));
    assertTrue(people.get(2).endsWith(",people:vneid-youth,2,4,50.0,100"), people.get(2));
    assertTrue(people.get(4).startsWith("Thôn Hòa Bình 2026,") && people.get(4).endsWith(",people:vneid-officials,0,1,0.0,100"),
        people.get(4));
    assertTrue(people.get(8).startsWith("Thôn Tân Thành 2026,") && people.get(8).endsWith(",people:vneid-youth,1,2,50.0,100"),
        people.get(8));
    assertEquals(200, staff.getBytes("/dashboard/c/an-tuong/report.xlsx").statusCode(), "the same table as a workbook");
  }

  @Test
  void staffSetTheCommunesTargetsAndThePageShowsThem() throws Exception {
    hub.hub.users.create("can-bo-t", "mat-khau-rat-dai-1", UserStore.Role.STAFF, "an-tuong");
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-t", "mat-khau-rat-dai-1");
    staff.get("/dashboard/c/an-tuong/people");
    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/people/targets",
        Map.of("residents", "40", "officials", "100", "youth", "90")).statusCode());
    assertEquals(new PersonTargets(40, 100, 90), hub.hub.personTargets.of("an-tuong"));
    assertEquals(PersonTargets.DEFAULTS, hub.hub.personTargets.of("kon-chieng"), "per commune");
    String page = staff.get("/dashboard/c/an-tuong/people").body();
    assertTrue(page.contains("<td id=\"target-residents\">40 %</td>"), page);
    assertTrue(page.contains("3 / 7 · 42.9 %"), "the commune's residents, 3 of 7");
    assertEquals(400, staff.postForm("/dashboard/c/an-tuong/people/targets",
        Map.of("residents", "140", "officials", "100", "youth", "90")).statusCode());
  }
}
