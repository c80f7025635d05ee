package vn.giadinhso.hub.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.HouseholdEvaluator;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.protocol.CriterionStatus;

/** A member's own progress, and the household criteria about a person that follow from it (issue 15). */
class MemberProgressTest {
  static final String AN = "052190012345";
  static final String BINH = "052195012346";
  @TempDir Path dir;
  TestHub hub;

  @BeforeEach
  void roster() throws Exception {
    hub = new TestHub(dir);
    hub.importRoster("household_code,village,head_name,members,groups,flags,officials_household\n"
        + "AT-P-0001,Thôn Tân Thành,Nguyễn Văn An,\"Nguyễn Văn An (" + AN + "); Trần Thị Bình (" + BINH + "); Nguyễn Văn Cường\",,,có\n"
        + "AT-P-0002,Thôn Tân Thành,Lê Văn Dũng,Lê Văn Dũng (052088012347),,,\n");
  }

  @AfterEach
  void close() {
    hub.close();
  }

  String hash(String id) {
    return hub.hub.memberKeys.hash("an-tuong", id);
  }

  Household household(String code) {
    return hub.hub.households.find(code).orElseThrow().household();
  }

  StatusRecord latest(String code, String criterion) {
    return hub.hub.households.find(code).orElseThrow().latestStatuses().get(criterion);
  }

  @Test
  void birthYearsComeFromTheIdNumbersAndTheOfficialsColumnSetsTheFlag() {
    var members = household("AT-P-0001").members();
    assertEquals(1990, members.get(0).birthYear(), "0521 90…: born in 1990");
    assertEquals(1995, members.get(1).birthYear());
    assertNull(members.get(2).birthYear(), "a child without a card has no known birth year");
    assertTrue(household("AT-P-0001").flags().contains(CriteriaSet.OFFICIALS_HOUSEHOLD));
    assertFalse(household("AT-P-0002").flags().contains(CriteriaSet.OFFICIALS_HOUSEHOLD), "an empty cell means no");
  }

  @Test
  void oldFilesWithoutTheOfficialsColumnStillImport() throws Exception {
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-P-0003,Thôn Tân Thành,Phạm Văn Em,Phạm Văn Em (052201012348),,\n");
    assertEquals(2001, household("AT-P-0003").members().get(0).birthYear(), "century digit 2: the 2000s");
    assertFalse(household("AT-P-0003").flags().contains(CriteriaSet.OFFICIALS_HOUSEHOLD));
  }

  @Test
  void oneMemberWithVneidLevel2MakesTheHouseholdCriterionMetNamingThemMasked() {
    assertEquals(null, latest("AT-P-0001", "vneid-level2"));
    hub.hub.db.writer().useTransaction(tx -> hub.hub.people.recordVneidLevel2(tx, "an-tuong", hash(BINH),
        VneidRecord.KIOSK_DECLARED_VERIFIED, Instant.parse("2026-11-30T03:00:00Z"), "canbo.vhxh"));

    StatusRecord met = latest("AT-P-0001", "vneid-level2");
    assertEquals(CriterionStatus.MET, met.status());
    assertEquals("members", met.source());
    assertTrue(met.note().startsWith("Trần T. Bình (**********46)"), met.note());
    assertFalse(met.note().contains(BINH), "never the ID number");

    List<MemberProgress> people = hub.hub.people.household("an-tuong", "AT-P-0001");
    assertTrue(people.get(1).vneidLevel2());
    assertEquals(VneidRecord.KIOSK_DECLARED_VERIFIED, people.get(1).vneid().source());
    assertEquals("canbo.vhxh", people.get(1).vneid().actor());
    assertFalse(people.get(0).vneidLevel2());
    assertFalse(people.get(2).hasCard());
    assertNull(latest("AT-P-0002", "vneid-level2"), "another household is not touched");

    // Staff correct a mistake: nobody in the household has it any more.
    hub.hub.people.recordVneidByStaff("an-tuong", hash(BINH), false, "canbo.vhxh");
    assertEquals(CriterionStatus.NOT_MET, latest("AT-P-0001", "vneid-level2").status());
    assertEquals(2, hub.hub.people.vneidTrail("an-tuong", hash(BINH)).size(), "the trail keeps both answers");
  }

  @Test
  void aCoreDigitalCitizenMeetsTheCoreCriterionAndCountsInTheEvaluation() {
    var set = hub.hub.criteria.active("an-tuong").orElseThrow();
    var stored = hub.hub.households.find("AT-P-0001").orElseThrow();
    int before = HouseholdEvaluator.evaluate(set, stored.household().flags(), stored.latestStatuses()).met();

    hub.hub.people.setCoreDigitalCitizen("an-tuong", hash(AN), true, "canbo.vhxh");
    stored = hub.hub.households.find("AT-P-0001").orElseThrow();
    assertEquals(before + 1, HouseholdEvaluator.evaluate(set, stored.household().flags(), stored.latestStatuses()).met());
    assertTrue(latest("AT-P-0001", "core-digital-citizen").note().startsWith("Nguyễn V. An (**********45)"));
    assertTrue(hub.hub.people.household("an-tuong", "AT-P-0001").get(0).coreDigitalCitizen());

    hub.hub.people.setCoreDigitalCitizen("an-tuong", hash(AN), false, "canbo.vhxh");
    assertEquals(CriterionStatus.NOT_MET, latest("AT-P-0001", "core-digital-citizen").status());
  }

  @Test
  void aMetStaffRecordedThemselvesIsNotTakenBack() {
    hub.hub.households.recordStatus("AT-P-0002", new StatusRecord("vneid-level2", CriterionStatus.MET, "staff",
        "canbo.vhxh", Instant.parse("2026-11-01T00:00:00Z"), "Xác minh: thấy trên điện thoại"));
    hub.hub.people.recordVneidByStaff("an-tuong", hash("052088012347"), false, "canbo.vhxh");
    assertEquals("staff", latest("AT-P-0002", "vneid-level2").source());
  }

  @Test
  void aQualifyingMemberMovedToAnotherHouseholdByARosterImportMovesTheCriterionToo() throws Exception {
    hub.hub.people.recordVneidByStaff("an-tuong", hash(BINH), true, "canbo.vhxh");
    assertEquals(CriterionStatus.MET, latest("AT-P-0001", "vneid-level2").status());
    // Bình moves to Dũng's household: one roster without her, then the next with her there (an ID
    // number belongs to one household at a time, so a move is two imports).
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-P-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (" + AN + "),,\n");
    hub.hub.people.rederive("an-tuong");
    assertEquals(CriterionStatus.NOT_MET, latest("AT-P-0001", "vneid-level2").status());
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-P-0002,Thôn Tân Thành,Lê Văn Dũng,\"Lê Văn Dũng (052088012347); Trần Thị Bình (" + BINH + ")\",,\n");
    hub.hub.people.rederive("an-tuong");
    assertEquals(CriterionStatus.MET, latest("AT-P-0002", "vneid-level2").status());
  }

  @Test
  void progressIsRecordedOnlyForMembersOfTheCommune() {
    assertThrows(IllegalArgumentException.class,
        () -> hub.hub.people.recordVneidByStaff("kon-chieng", hash(AN), true, "canbo.vhxh"));
  }

  @Test
  void progressOutlivesARosterReimportAndAKeyRotation() throws Exception {
    hub.hub.people.recordVneidByStaff("an-tuong", hash(AN), true, "canbo.vhxh");
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-P-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (" + AN + "),,\n");
    assertTrue(hub.hub.people.household("an-tuong", "AT-P-0001").get(0).vneidLevel2());

    new vn.giadinhso.hub.identity.MemberKeyRotation(hub.hub.db, hub.hub.secrets).rotate("an-tuong");
    assertTrue(hub.hub.people.household("an-tuong", "AT-P-0001").get(0).vneidLevel2(), "re-keyed with the members");
  }
}
