package vn.giadinhso.hub.report;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.QrImage;

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

  /** The signed payload of a household's card (HouseholdCards#payload in the hub). */
  public interface Payloads {
    String of(Household household, LocalDate issued);
  }

  private final Payloads payloads;

  public QrCardSheet(Payloads payloads) {
    this.payloads = payloads;
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
    String payload = payloads.of(h, issued);
    float qrSize = Math.min(hgt - 14 * MM, w * 0.5f);
    float qrLeft = x + w - qrSize - 5 * MM;
    drawQr(out, QrImage.modules(payload), qrLeft, y + (hgt - qrSize) / 2, qrSize);
    float textX = x + 6 * MM;
    // Text stays left of the code's square: printed over its quiet zone, a reader cannot find it.
    float textWidth = qrLeft - 2 * MM - textX;
    float line = y + hgt - 12 * MM;
    text(out, font, 9, textX, line, "GIA ĐÌNH SỐ");
    text(out, font, 12, textX, line - 16, fit(font, 12, h.headName(), textWidth));
    text(out, font, 10, textX, line - 31, fit(font, 10, h.village(), textWidth));
    // The code is the household's identifier for staff: shown whole, on a second line if long.
    List<String> codeLines = wrapAtHyphens(font, 10, h.code(), textWidth);
    for (int i = 0; i < codeLines.size(); i++) {
      text(out, font, 10, textX, line - 46 - 12 * i, codeLines.get(i));
    }
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

  private static float width(PDType0Font font, float size, String s) throws IOException {
    return font.getStringWidth(s) / 1000 * size;
  }

  /** The text, cut with an ellipsis where it would pass {@code maxWidth}. */
  static String fit(PDType0Font font, float size, String s, float maxWidth) throws IOException {
    if (width(font, size, s) <= maxWidth) {
      return s;
    }
    int end = s.length();
    while (end > 1 && width(font, size, s.substring(0, end) + "…") > maxWidth) {
      end = s.offsetByCodePoints(end, -1);
    }
    return s.substring(0, end) + "…";
  }

  /** Lines no wider than {@code maxWidth}, broken after hyphens where possible, else anywhere. */
  static List<String> wrapAtHyphens(PDType0Font font, float size, String s, float maxWidth) throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    String rest = s;
    while (width(font, size, rest) > maxWidth && rest.length() > 1) {
      int cut = rest.length() - 1;
      while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
        cut--;
      }
      int hyphen = rest.lastIndexOf('-', cut - 1);
      if (hyphen > 0) {
        cut = hyphen + 1;
      }
      lines.add(rest.substring(0, cut));
      rest = rest.substring(cut);
    }
    lines.add(rest);
    return lines;
  }

  /**
   * Draws the code as vector squares (runs of dark modules per row), so every module has the same
   * crisp size on any printer and at any zoom. A raster image scaled to the card's size left
   * modules of uneven width, which readers (and a test rendering at 150 dpi) sometimes misread.
   */
  private static void drawQr(PDPageContentStream out, BitMatrix modules, float left, float bottom, float size)
      throws IOException {
    float module = size / modules.getWidth();
    out.setNonStrokingColor(java.awt.Color.BLACK);
    for (int row = 0; row < modules.getHeight(); row++) {
      float y = bottom + size - (row + 1) * module;
      int col = 0;
      while (col < modules.getWidth()) {
        if (!modules.get(col, row)) {
          col++;
          continue;
        }
        int start = col;
        while (col < modules.getWidth() && modules.get(col, row)) {
          col++;
        }
        out.addRect(left + start * module, y, (col - start) * module, module);
      }
    }
    out.fill();
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
