package vn.giadinhso.hub.household;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Renders a payload as a QR PNG that survives a laminated, slightly scratched card. */
public final class QrImage {
  private QrImage() {}

  public static void writePng(String payload, Path file, int sizePixels) throws IOException {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(payload, BarcodeFormat.QR_CODE, sizePixels, sizePixels,
                  Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
      MatrixToImageWriter.writeToPath(matrix, "PNG", file);
    } catch (WriterException e) {
      throw new IOException("cannot encode the QR code: " + e.getMessage(), e);
    }
  }
}
