package vn.giadinhso.hub.report;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.HouseholdQr;

/**
 * A4 sheets of household QR cards, 2 × 4 per page, to cut out and laminate: household head,
 * village, code, the signed QR, and a short instruction. The font must cover Vietnamese; DejaVu
 * Sans (Debian: fonts-dejavu-core) is used, or the file named by the system property
 * {@code giadinhso.cardFont}.
 */
public final class QrCardSheet {
  static final List<Path> FONTS = List.of(
      Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
      Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"),
      Path.of("C:/Windows/Fonts/arial.ttf"));
  private static final float MM = 72f / 25.4f;
  private static final int COLUMNS = 2;
  private static final int ROWS = 4;

  private final PrivateKey signingKey;

  public QrCardSheet(PrivateKey signingKey) {
    this.signingKey = signingKey;
  }

  public byte[] render(List<Household> households, LocalDate issued) {
    try (PDDocument doc = new PDDocument()) {
      PDType0Font font = PDType0Font.load(doc, fontFile().toFile());
      PDRectangle a4 = PDRectangle.A4;
      float margin = 10 * MM;
      float cardW = (a4.getWidth() - 2 * margin) / COLUMNS;
      float cardH = (a4.getHeight() - 2 * margin) / ROWS;
      int perPage = COLUMNS * ROWS;
      for (int start = 0; start < Math.max(1, households.size()); start += perPage) {
        PDPage page = new PDPage(a4);
        doc.addPage(page);
        try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
          for (int i = start; i < Math.min(households.size(), start + perPage); i++) {
            int slot = i - start;
            float x = margin + (slot % COLUMNS) * cardW;
            float y = a4.getHeight() - margin - (slot / COLUMNS + 1) * cardH;
            card(doc, out, font, households.get(i), issued, x, y, cardW, cardH);
          }
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void card(PDDocument doc, PDPageContentStream out, PDType0Font font, Household h, LocalDate issued,
      float x, float y, float w, float hgt) throws IOException {
    out.setLineWidth(0.5f);
    out.setLineDashPattern(new float[] {3, 3}, 0); // cutting guide
    out.addRect(x + 2, y + 2, w - 4, hgt - 4);
    out.stroke();
    out.setLineDashPattern(new float[] {}, 0);
    String payload = HouseholdQr.sign(new HouseholdQr.Card(h.communeId(), h.code(), issued), signingKey);
    float qrSize = Math.min(hgt - 14 * MM, w * 0.5f);
    PDImageXObject qr = LosslessFactory.createFromImage(doc, qrImage(payload, 400));
    out.drawImage(qr, x + w - qrSize - 5 * MM, y + (hgt - qrSize) / 2, qrSize, qrSize);
    float textX = x + 6 * MM;
    float line = y + hgt - 12 * MM;
    text(out, font, 9, textX, line, "GIA ĐÌNH SỐ");
    text(out, font, 12, textX, line - 16, fit(h.headName(), 22));
    text(out, font, 10, textX, line - 31, fit(h.village(), 26));
    text(out, font, 10, textX, line - 46, h.code());
    text(out, font, 8, textX, y + 20 * MM, "Đưa mã này vào đầu đọc");
    text(out, font, 8, textX, y + 16 * MM, "tại điểm hỗ trợ số để xem");
    text(out, font, 8, textX, y + 12 * MM, "tiến độ của gia đình.");
    text(out, font, 7, textX, y + 7 * MM, "Show this code at the kiosk reader.");
  }

  private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String s)
      throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, y);
    out.showText(s);
    out.endText();
  }

  private static String fit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static java.awt.image.BufferedImage qrImage(String payload, int size) {
    try {
      return MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, size, size,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4)));
    } catch (WriterException e) {
      throw new IllegalStateException("cannot encode the QR code", e);
    }
  }

  static Path fontFile() {
    String configured = System.getProperty("giadinhso.cardFont");
    if (configured != null) {
      return Path.of(configured);
    }
    return FONTS.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new IllegalStateException(
        "no font with Vietnamese letters for QR cards; install fonts-dejavu-core or set -Dgiadinhso.cardFont=FILE.ttf"));
  }
}
