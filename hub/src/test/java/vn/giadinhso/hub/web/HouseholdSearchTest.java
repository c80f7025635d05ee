package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;

/**
 * Issue 12: the household search box ignores case and Vietnamese diacritics, on both databases,
 * over real HTTP as staff use it; and an ID number is never a way in.
 */
class HouseholdSearchTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String TRAN_ID = "052190012345";

  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient staff;

  @BeforeAll
  static void importARoster() throws Exception {
    hub = new TestHub(dir);
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-T1-0001,Thôn Tân Thành,Trần Văn Bình,Trần Văn Bình (" + TRAN_ID + "); Lê Thị Hoa (052195012376),,\n"
        + "AT-T2-0002,Thôn Hội Long,Đặng Thị Ngọc,Đặng Thị Ngọc (052195012377),,\n"
        + "AT-T1-0003,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (052190012348); Nguyễn Thị Yến,,\n"
        + "AT-T2-0004,Thôn Hội Long,Phạm Quốc Việt,Phạm Quốc Việt (052190012349); Nguyễn Văn Tài (052190012350),,\n"
        + "AT-T3-0005,Thôn Phú Thuận,Võ Thanh Tâm,Võ Thanh Tâm (052190012351),,\n");
    // Another commune's Trần, which Ân Tường's staff must never find.
    hub.hub.households.upsert(List.of(new Household("KC-T1-0001", "kon-chieng", "Làng Đê Tar", "Trần Văn Hùng",
        List.of(new Member("Trần Văn Hùng", null, null)), Set.of(), Set.of())));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static List<String> codesFound(String query) throws Exception {
    HttpResponse<String> page = staff.get("/dashboard/c/an-tuong/households?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertEquals(200, page.statusCode());
    String table = page.body().substring(page.body().indexOf("<table id=\"households\""));
    List<String> codes = new ArrayList<>();
    Matcher m = Pattern.compile("/households/([A-Z0-9-]+)\"").matcher(table);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  @Test
  void withoutDiacriticsFindsTheNameWithThem() throws Exception {
    assertEquals(List.of("AT-T1-0001"), codesFound("tran"));
    assertEquals(List.of("AT-T2-0002"), codesFound("dang"));
    assertEquals(List.of("AT-T1-0003"), codesFound("nguyen van an"));
  }

  @Test
  void withDiacriticsAndInAnyCase() throws Exception {
    assertEquals(List.of("AT-T1-0001"), codesFound("Trần"));
    assertEquals(List.of("AT-T2-0002"), codesFound("đặng"));
    assertEquals(List.of("AT-T2-0002"), codesFound("DANG"));
    assertEquals(List.of("AT-T2-0002"), codesFound("ĐẶNG THỊ"));
    assertEquals(List.of("AT-T1-0001"), codesFound("  tran   van  "), "spaces as typed do not matter");
  }

  @Test
  void aMembersNameFindsTheHouseholdNotOnlyTheHeads() throws Exception {
    // "Nguyễn Văn …": the head of 0003, and a member (not the head) of 0004.
    assertEquals(List.of("AT-T1-0003", "AT-T2-0004"), codesFound("nguyen van"));
    assertEquals(List.of("AT-T1-0001"), codesFound("le thi hoa"));
  }

  @Test
  void codeAndVillageAsBefore() throws Exception {
    assertEquals(List.of("AT-T2-0002", "AT-T2-0004"), codesFound("hoi long"));
    assertEquals(List.of("AT-T2-0002", "AT-T2-0004"), codesFound("at-t2"));
    assertEquals(List.of("AT-T3-0005"), codesFound("0005"));
    assertEquals(5, codesFound("").size(), "an empty box lists the commune's households");
  }

  @Test
  void wildcardsTypedAreLiteral() throws Exception {
    assertEquals(List.of(), codesFound("%"));
    assertEquals(List.of(), codesFound("t_an"));
  }

  @Test
  void neverAnotherCommunesHousehold() throws Exception {
    assertFalse(codesFound("tran van").contains("KC-T1-0001"));
    assertFalse(codesFound("hung").contains("KC-T1-0001"));
  }

  @Test
  void anIdNumberFindsNothingAndIsNotEchoed() throws Exception {
    for (String id : List.of(TRAN_ID, "0521 9001 2345", "052.190.012.345", "12345")) {
      assertEquals(List.of(), codesFound(id), id);
    }
    String page = staff.get("/dashboard/c/an-tuong/households?q=" + URLEncoder.encode("0521 9001 2345", StandardCharsets.UTF_8)).body();
    assertTrue(page.contains("id=\"search-refused\""), page);
    assertFalse(page.contains("0521 9001 2345"), "the number typed is not written back into the page");
    assertFalse(page.contains("Trần V. Bình"), "no household shown for it");
  }

  @Test
  void aSearchThatMatchesNothingSaysSo() throws Exception {
    String page = staff.get("/dashboard/c/an-tuong/households?q=xyzzy").body();
    assertTrue(page.contains("id=\"search-empty\""), page);
  }

  @Test
  void aRenamedHouseholdIsFoundByItsNewName() throws Exception {
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-T3-0005,Thôn Phú Thuận,Võ Thanh Tâm,Võ Thanh Tâm (052190012351); Huỳnh Thị Thu Hương,,\n");
    assertEquals(List.of("AT-T3-0005"), codesFound("huynh thi thu huong"));
  }
}
