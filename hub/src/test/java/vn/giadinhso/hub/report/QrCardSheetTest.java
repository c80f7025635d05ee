package vn.giadinhso.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.giadinhso.hub.QrReading;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.protocol.HouseholdQr;
import vn.giadinhso.hub.household.Member;

/**
 * Every card on a printed sheet must scan, not just the first, and its text must stay clear of
 * the code: each run signs with a new key (as every hub has its own) and uses household codes up
 * to the format's 32 characters, so a marginal print shows up. (A code printed over the quiet
 * zone by a long household code was found this way.)
 */
class QrCardSheetTest {
  @ParameterizedTest(name = "rendered at {0} dpi")
  @ValueSource(ints = {150, 300})
  void everyCardOnEverySheetDecodesToItsHousehold(int dpi) throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Random random = new Random();
    List<Household> households = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // Codes of every length a commune uses, up to the format's 32 characters.
      String code = ("AT-T" + (1 + random.nextInt(9)) + "-" + (10_000 + random.nextInt(90_000)) + "-ABCDEFGHIJKLMNOPQRSTU")
          .substring(0, Math.min(32, 11 + 2 * i));
      households.add(new Household(code, "an-tuong", "Thôn Tân Thành", "Nguyễn Văn An",
          List.of(new Member("Nguyễn Văn An", null, null)), new TreeSet<>(), new TreeSet<>()));
    }
    LocalDate issued = LocalDate.of(2026, 11, 22);
    byte[] pdf = new QrCardSheet((h, on) -> HouseholdQr.sign(new HouseholdQr.Card("1", h.communeId(), h.code(), on, 1), keys.getPrivate())).render(households, issued);

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(2, doc.getNumberOfPages(), "8 cards a page");
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < households.size(); i++) {
        BufferedImage page = renderer.renderImageWithDPI(i / 8, dpi);
        int slot = i % 8;
        int cardW = page.getWidth() / 2;
        int cardH = page.getHeight() / 4;
        BufferedImage card = page.getSubimage((slot % 2) * cardW, (slot / 2) * cardH, cardW, cardH);
        String payload = QrReading.read(card);
        HouseholdQr.Card decoded = HouseholdQr.verify(payload, keys.getPublic()).orElseThrow();
        assertEquals(households.get(i).code(), decoded.householdCode(), "card " + i);
        assertEquals(issued, decoded.issued());
      }
    }
  }
}
