package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.HouseholdEvaluator;
import vn.giadinhso.protocol.HouseholdQr;
import vn.giadinhso.hub.household.StoredHousehold;
import vn.giadinhso.protocol.CriterionStatus;

/** Commune reports and their exports (CSV, XLSX, QR-card PDF) agree with the status function. */
class ReportTest extends SignedInStaffTest {
  /** Recognised households counted the slow, obvious way: every household through HouseholdEvaluator. */
  static int[] recognisedDirectly(String village) {
    CriteriaSet set = hub.hub.criteria.active("an-tuong").orElseThrow();
    List<StoredHousehold> all = hub.hub.households.changedSince("an-tuong", 0, Long.MAX_VALUE, 100_000);
    int total = 0;
    int recognised = 0;
    for (StoredHousehold h : all) {
      if (village != null && !h.household().village().equals(village)) {
        continue;
      }
      total++;
      if (HouseholdEvaluator.evaluate(set, h.household().flags(), h.latestStatuses()).recognised()) {
        recognised++;
      }
    }
    return new int[] {recognised, total};
  }

  @Test
  void theCsvHasABomVietnameseTextAndTheEvaluatorsFigures() throws Exception {
    HttpResponse<byte[]> csv = staff.getBytes("/dashboard/c/an-tuong/report.csv");
    assertEquals(200, csv.statusCode());
    byte[] body = csv.body();
    assertEquals((byte) 0xEF, body[0]);
    assertEquals((byte) 0xBB, body[1]);
    assertEquals((byte) 0xBF, body[2]);
    String text = new String(body, StandardCharsets.UTF_8);
    int[] expected = recognisedDirectly(null);
    assertTrue(text.contains("Xã Ân Tường,\"Hộ đạt \"\"Gia đình số\"\" (Recognised households)\",recognised,"
        + expected[0] + "," + expected[1] + ","), text.substring(0, 400));
    int[] village = recognisedDirectly("Thôn Hội Long");
    assertTrue(text.contains("Thôn Hội Long,\"Hộ đạt \"\"Gia đình số\"\" (Recognised households)\",recognised,"
        + village[0] + "," + village[1] + ","));
    assertTrue(text.contains("Có tài khoản định danh điện tử VNeID mức độ 2"));
    assertTrue(text.contains("group:officials"));
  }

  @Test
  void theXlsxHoldsTheSameRows() throws Exception {
    HttpResponse<byte[]> xlsx = staff.getBytes("/dashboard/c/an-tuong/report.xlsx");
    assertEquals(200, xlsx.statusCode());
    int[] expected = recognisedDirectly(null);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertEquals("Phạm vi (Scope)", rows.get(0).getCellText(0));
      Row commune = rows.get(1);
      assertEquals("Xã Ân Tường", commune.getCellText(0));
      assertEquals(expected[0], commune.getCellAsNumber(3).orElseThrow().intValue());
      assertEquals(expected[1], commune.getCellAsNumber(4).orElseThrow().intValue());
    }
  }

  @Test
  void verifyingACriterionMovesTheReportWithoutRecountingEverything() throws Exception {
    hub.hub.reports.build("an-tuong");
    CriteriaSet set = hub.hub.criteria.active("an-tuong").orElseThrow();
    StoredHousehold almost = hub.hub.households.changedSince("an-tuong", 0, Long.MAX_VALUE, 100_000).stream()
        .filter(h -> !HouseholdEvaluator.evaluate(set, h.household().flags(), h.latestStatuses()).recognised())
        .findFirst().orElseThrow();
    for (var line : HouseholdEvaluator.evaluate(set, almost.household().flags(), almost.latestStatuses()).lines()) {
      if (line.status() != CriterionStatus.MET
          && line.status() != CriterionStatus.NOT_APPLICABLE) {
        staff.postForm("/dashboard/c/an-tuong/households/" + almost.household().code() + "/criteria/" + line.criterionId(),
            Map.of("note", "Đã kiểm tra", "decision", "met"));
      }
    }
    int[] expected = recognisedDirectly(null);
    var report = hub.hub.reports.build("an-tuong");
    assertEquals(expected[0], report.areas().get(0).recognised());
    String json = staff.get("/dashboard/api/c/an-tuong/report").body();
    assertTrue(json.contains("\"recognised\":" + expected[0]), json.substring(0, 300));
  }

  @Test
  void theReportPageHasChartsAndGroupTargets() throws Exception {
    String page = staff.get("/dashboard/c/an-tuong/report").body();
    assertTrue(page.contains("<svg") && page.contains("id=\"chart-groups\""));
    assertTrue(page.contains("Gia đình cán bộ, công chức, viên chức, giáo viên") && page.contains("100 %"));
  }

  @Test
  void qrCardsForAVillageDecodeToSignedHouseholdPayloads() throws Exception {
    HttpResponse<byte[]> pdf = staff.getBytes("/dashboard/c/an-tuong/cards.pdf?village="
        + java.net.URLEncoder.encode("Thôn Tân Thành", StandardCharsets.UTF_8));
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    String payload = firstQr(pdf.body());
    HouseholdQr.Card card = HouseholdQr.verify(payload, hub.hub.secrets.signingKeys().getPublic()).orElseThrow();
    assertEquals("an-tuong", card.communeId());
    assertEquals("Thôn Tân Thành", hub.hub.households.find(card.householdCode()).orElseThrow().household().village());
    assertEquals(400, staff.getBytes("/dashboard/c/an-tuong/cards.pdf").statusCode());
  }

  /** Renders page 1 and decodes the first card's QR (top-left card). */
  static String firstQr(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
      var card = image.getSubimage(0, 0, image.getWidth() / 2, image.getHeight() / 4);
      return vn.giadinhso.hub.QrReading.read(card);
    }
  }
}
