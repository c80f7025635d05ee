package vn.giadinhso.kiosk.hardware;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Finds and decodes a QR code in an image: a file for the command line, a BufferedImage for a
 * camera frame. Text without an ECI marker is read as UTF-8, which is what CCCD cards carry;
 * ZXing's own guess would turn Vietnamese letters into Latin-1 mojibake.
 */
public final class QrImageDecoder {

    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);

    public QrImageDecoder() {
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    }

    public Optional<String> decode(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        // ZXing's detector misses about one code in fifty even in a clean image, and a card held
        // at an angle sometimes reads only with the polarity inverted; the same code is usually
        // found once the image is turned a quarter. Four turns cost little beside a missed card.
        for (int quarterTurns = 0; quarterTurns < 4; quarterTurns++) {
            LuminanceSource turned = quarterTurns == 0 ? source : rotate(source, quarterTurns);
            for (LuminanceSource view : List.of(turned, turned.invert())) {
                try {
                    return Optional.of(read(new BinaryBitmap(new HybridBinarizer(view))));
                } catch (ReaderException missed) {
                    // next view
                }
            }
        }
        return Optional.empty();
    }

    private static LuminanceSource rotate(LuminanceSource source, int quarterTurns) {
        LuminanceSource turned = source;
        for (int i = 0; i < quarterTurns; i++) {
            turned = turned.rotateCounterClockwise();
        }
        return turned;
    }

    /** Empty if the file holds no readable QR; throws if it is not an image at all. */
    public Optional<String> decode(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not an image format this JVM can read");
        }
        return decode(image);
    }

    private String read(BinaryBitmap bitmap) throws ReaderException {
        Result result = new QRCodeReader().decode(bitmap, hints);
        return result.getText();
    }
}
