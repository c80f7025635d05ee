package vn.giadinhso.hub.household;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A household card's QR code: medium error correction (a laminated, slightly scratched card), the
 * standard 4-module quiet zone, and a mask pattern that a reference decoder reads back.
 *
 * <p>Why the read-back: for about 2 % of symbols (49 of 2,400 signed card payloads × masks,
 * measured), ZXing's detector cannot find the code even in a perfect image, at most sizes. Kiosks that decode camera images use ZXing, so a card
 * is encoded with the first mask (the encoder's own choice first, then 0-7) that ZXing reads.
 */
public final class QrImage {
  private QrImage() {}

  /** The code's modules, one bit each, quiet zone included. */
  public static BitMatrix modules(String payload) {
    BitMatrix preferred = encode(payload, -1);
    if (readsBack(preferred, payload)) {
      return preferred;
    }
    for (int mask = 0; mask < 8; mask++) {
      BitMatrix candidate = encode(payload, mask);
      if (readsBack(candidate, payload)) {
        return candidate;
      }
    }
    return preferred; // never seen; hardware scanners read it anyway
  }

  /** Writes the code as a PNG of at most {@code sizePixels} square, every module the same whole number of pixels. */
  public static void writePng(String payload, Path file, int sizePixels) throws IOException {
    BitMatrix modules = modules(payload);
    MatrixToImageWriter.writeToPath(scaled(modules, Math.max(1, sizePixels / modules.getWidth())), "PNG", file);
  }

  private static BitMatrix encode(String payload, int mask) {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
    hints.put(EncodeHintType.MARGIN, 4);
    if (mask >= 0) {
      hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
    }
    try {
      return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode the QR code: " + e.getMessage(), e);
    }
  }

  /** The sizes, in pixels a module, at which a chosen code must read back. */
  static final int[] CHECKED_SIZES = {3, 5, 8};

  /** Whether ZXing reads the code at each checked size (a miss at one size is usually a miss at most). */
  private static boolean readsBack(BitMatrix modules, String payload) {
    for (int pixels : CHECKED_SIZES) {
      BufferedImage image = MatrixToImageWriter.toBufferedImage(scaled(modules, pixels));
      try {
        if (!payload.equals(new QRCodeReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText())) {
          return false;
        }
      } catch (ReaderException e) {
        return false;
      }
    }
    return true;
  }

  static BitMatrix scaled(BitMatrix modules, int factor) {
    BitMatrix out = new BitMatrix(modules.getWidth() * factor, modules.getHeight() * factor);
    for (int y = 0; y < modules.getHeight(); y++) {
      for (int x = 0; x < modules.getWidth(); x++) {
        if (modules.get(x, y)) {
          out.setRegion(x * factor, y * factor, factor, factor);
        }
      }
    }
    return out;
  }
}
