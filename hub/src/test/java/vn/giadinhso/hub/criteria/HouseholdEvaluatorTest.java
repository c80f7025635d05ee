package vn.giadinhso.hub.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.giadinhso.protocol.CriterionStatus;

class HouseholdEvaluatorTest {
  final CriteriaSet konChieng = new CriteriaSetJson().readResource("kon-chieng-2025.json");
  final CriteriaSet anTuong = new CriteriaSetJson().readResource("an-tuong-2026.json");

  static StatusRecord record(String id, CriterionStatus status) {
    return new StatusRecord(id, status, "staff", "tester", Instant.parse("2026-11-21T00:00:00Z"), null);
  }

  private static Map<String, StatusRecord> all(CriteriaSet set, CriterionStatus status) {
    Map<String, StatusRecord> out = new HashMap<>();
    set.criteria().forEach(c -> out.put(c.id(), record(c.id(), status)));
    return out;
  }

  @Test
  void everyApplicableCriterionMetMakesADigitalFamily() {
    HouseholdEvaluation e = HouseholdEvaluator.evaluate(anTuong, Set.of(), all(anTuong, CriterionStatus.MET));
    assertTrue(e.recognised());
    assertEquals(6, e.met());
    assertEquals(6, e.applicable());
  }

  @Test
  void practisedOrDeclaredIsNotMet() {
    for (CriterionStatus notYet : new CriterionStatus[] {CriterionStatus.PRACTISED, CriterionStatus.DECLARED}) {
      Map<String, StatusRecord> statuses = all(anTuong, CriterionStatus.MET);
      statuses.put("vneid-level2", record("vneid-level2", notYet));
      HouseholdEvaluation e = HouseholdEvaluator.evaluate(anTuong, Set.of(), statuses);
      assertFalse(e.recognised(), notYet + " must not count as met");
      assertEquals(5, e.met());
    }
  }

  @Test
  void aCriterionWithNothingRecordedIsNotMet() {
    HouseholdEvaluation e = HouseholdEvaluator.evaluate(anTuong, Set.of(), Map.of());
    assertFalse(e.recognised());
    assertTrue(e.lines().stream().allMatch(l -> l.status() == CriterionStatus.NOT_MET));
  }

  @Test
  void businessCriteriaDoNotApplyToAFarmingFamilyAndDoNotHoldItBack() {
    Map<String, StatusRecord> statuses = all(konChieng, CriterionStatus.MET);
    statuses.remove("e-invoice");
    statuses.remove("management-software");
    statuses.remove("cashless-payment");
    HouseholdEvaluation farming = HouseholdEvaluator.evaluate(konChieng, Set.of("producer"), statuses);
    assertTrue(farming.recognised());
    assertEquals(19, farming.applicable());
    assertEquals(CriterionStatus.NOT_APPLICABLE, farming.lines().stream()
        .filter(l -> l.criterionId().equals("e-invoice")).findFirst().orElseThrow().status());

    HouseholdEvaluation business = HouseholdEvaluator.evaluate(konChieng, Set.of("business", "producer"), statuses);
    assertFalse(business.recognised(), "a business household must also meet the business criteria");
    assertEquals(22, business.applicable());
  }

  @Test
  void sellingOnlineAppliesOnlyToProducers() {
    HouseholdEvaluation e = HouseholdEvaluator.evaluate(konChieng, Set.of(), Map.of());
    assertEquals(CriterionStatus.NOT_APPLICABLE, e.lines().stream()
        .filter(l -> l.criterionId().equals("sell-online")).findFirst().orElseThrow().status());
    assertEquals(18, e.applicable());
  }

  @Test
  void theShippedSetsMatchTheSeeds() {
    assertEquals(6, anTuong.criteria().size());
    assertEquals(3, konChieng.pillars().size());
    assertEquals(22, konChieng.criteria().size());
    assertEquals(100, anTuong.groups().stream().filter(g -> g.id().equals("officials")).findFirst().orElseThrow().targetPercent());
    assertEquals(80, konChieng.overallTargetPercent());
  }

  @Test
  void aSetNamingAnUnknownPillarIsRefused() {
    var bad = new Criterion("x", "nowhere", new Text("a", "b"), null);
    var error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () ->
        new CriteriaSet("c", "C", "P", 1, new Text("a", "b"), "s", anTuong.pillars(), java.util.List.of(bad),
            java.util.List.of(), java.util.List.of(), null));
    assertTrue(error.getMessage().contains("unknown pillar"));
  }
}
