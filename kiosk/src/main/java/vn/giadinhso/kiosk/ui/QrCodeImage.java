package vn.giadinhso.kiosk.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** A QR code (ZXing) as a JavaFX image, black on white for any phone camera. */
final class QrCodeImage {

    private QrCodeImage() {
    }

    static Image of(String text, int size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size);
            WritableImage image = new WritableImage(m.getWidth(), m.getHeight());
            PixelWriter w = image.getPixelWriter();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    w.setArgb(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
        }
    }
}
