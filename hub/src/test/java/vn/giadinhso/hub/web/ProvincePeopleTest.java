package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.demo.DemoData;
import vn.giadinhso.hub.household.StoredHousehold;

/**
 * Issue 15 on the province page: each commune's VNeID level-2 rate among residents, counted per
 * person, is the figure that commune's own people page shows (as staff of the commune read it).
 */
class ProvincePeopleTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final List<String> COMMUNES = List.of("an-tuong", "kon-chieng");

  @TempDir static Path dir;
  static TestHub hub;

  @BeforeAll
  static void start() throws Exception {
    hub = new TestHub(dir, new ManualClock(Instant.parse("2026-11-21T03:00:00Z")));
    new DemoData(hub.hub).load();
    // Staff record VNeID level 2 for some of An Tường's members, the newest record counting: two
    // activated, one not, one activated then corrected to not, one not then activated (3 in all).
    List<List<Boolean>> answers = List.of(List.of(true), List.of(true), List.of(false), List.of(true, false),
        List.of(false, true));
    int recorded = 0;
    for (StoredHousehold stored : hub.hub.households.changedSince("an-tuong", 0, Long.MAX_VALUE, Integer.MAX_VALUE)) {
      Optional<String> hash = hub.hub.people.memberHash("an-tuong", stored.household().code(), 0);
      if (hash.isPresent() && recorded < answers.size()) {
        for (boolean activated : answers.get(recorded)) {
          hub.hub.people.recordVneidByStaff("an-tuong", hash.get(), activated, "can-bo-a");
        }
        recorded++;
      }
    }
    assertEquals(answers.size(), recorded, "the demo has members with ID numbers");
    hub.hub.users.create("tinh-gl", PASSWORD, Assignment.province("52"));
    for (String commune : COMMUNES) {
      hub.hub.users.create("can-bo-" + commune, PASSWORD, UserStore.Role.STAFF, commune);
    }
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void eachCommunesResidentsRateIsWhatItsPeoplePageShows() throws Exception {
    String province = StaffClient.signedIn(hub, "tinh-gl", PASSWORD).get("/dashboard/provinces/52").body();
    assertTrue(province.contains("% người dân có VNeID mức 2"), "the column's heading");
    for (String commune : COMMUNES) {
      String page = StaffClient.signedIn(hub, "can-bo-" + commune, PASSWORD).get("/dashboard/c/" + commune + "/people").body();
      Matcher own = Pattern.compile("<tr id=\"people-commune\">.*?<td class=\"residents[^\"]*\">([^<]*)</td>", Pattern.DOTALL)
          .matcher(page);
      assertTrue(own.find(), page);
      assertEquals(own.group(1).strip(), ProvincePageTest.cell(province, commune, "people"), commune);
    }
    String anTuong = ProvincePageTest.cell(province, "an-tuong", "people");
    assertTrue(anTuong.startsWith("3 / "), "three activated of An Tường's residents, by their newest record: " + anTuong);
  }

  @Test
  void theProvinceExportCarriesEachCommunesResidentsRateAsItsPeoplePage() throws Exception {
    String csv = new String(StaffClient.signedIn(hub, "tinh-gl", PASSWORD).getBytes("/dashboard/provinces/52/export.csv")
        .body(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(csv.contains(",Người dân có VNeID mức 2 (Residents with VNeID level 2),Người dân được tính (Residents counted),"
        + "Tỷ lệ người dân có VNeID mức 2 % (Residents with VNeID level 2 %),Mục tiêu % (Residents target %)\r\n"), csv);
    for (String commune : COMMUNES) {
      String page = StaffClient.signedIn(hub, "can-bo-" + commune, PASSWORD).get("/dashboard/c/" + commune + "/people").body();
      // "3 / 57 · 5.3 %" on the people page; "3,57,5.3,35" in the export, with the commune's target.
      Matcher own = Pattern.compile("<tr id=\"people-commune\">.*?<td class=\"residents[^\"]*\">\\s*(\\d+) / (\\d+) · "
          + "([^ <]+)", Pattern.DOTALL).matcher(page);
      assertTrue(own.find(), page);
      String percent = own.group(3).equals("—") ? "" : own.group(3);
      Matcher row = Pattern.compile("\r\n" + commune + ",[^\r]*").matcher(csv);
      assertTrue(row.find(), csv);
      assertTrue(row.group().endsWith("," + own.group(1) + "," + own.group(2) + "," + percent + ",35"), row.group());
    }
  }
}
