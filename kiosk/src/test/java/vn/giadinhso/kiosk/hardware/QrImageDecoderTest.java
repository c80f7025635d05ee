package vn.giadinhso.kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.identity.TestCards;

public class QrImageDecoderTest {

    private final QrImageDecoder decoder = new QrImageDecoder();

    /** A QR as printed on a card: UTF-8 text, level M, quiet zone. */
    public static BufferedImage qr(String text, int size) throws WriterException {
        var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                        EncodeHintType.MARGIN, 4));
        return MatrixToImageWriter.toBufferedImage(matrix);
    }

    @Test
    void decodesVietnameseTextFromAFile(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("cccd.png");
        ImageIO.write(qr(TestCards.CAN_CUOC_2024, 400), "png", png.toFile());
        assertEquals(TestCards.CAN_CUOC_2024, decoder.decode(png).orElseThrow());
    }

    @Test
    void decodesACameraFrameWithTheCardOffCentre() throws Exception {
        // A grey 640×480 "camera frame" with the card's QR pasted off-centre.
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(180, 180, 170));
        g.fillRect(0, 0, 640, 480);
        g.drawImage(qr(TestCards.CCCD_2021, 260), 300, 150, null);
        g.dispose();
        assertEquals(TestCards.CCCD_2021, decoder.decode(frame).orElseThrow());
    }

    /**
     * About one household card in fifty, printed with the encoder's own mask, is missed by a
     * single ZXing pass even in a clean image; the decoder must still read it.
     */
    @Test
    void readsACardThatOneZxingPassMisses() throws Exception {
        java.security.KeyPair hub = TestCards.newHubKeys();
        for (int i = 0; i < 2000; i++) {
            String payload = TestCards.household(hub, "an-tuong", "AT-T1-" + (10_000 + i), "20261122");
            BufferedImage image = qr(payload, 400);
            if (singlePassReads(image)) {
                continue;
            }
            assertEquals(payload, decoder.decode(image).orElseThrow(), "card " + i);
            return;
        }
        throw new AssertionError("no card in 2,000 that one pass misses: this test no longer tests anything");
    }

    private static boolean singlePassReads(BufferedImage image) {
        try {
            new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(
                            new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))),
                    Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return true;
        } catch (com.google.zxing.ReaderException missed) {
            return false;
        }
    }

    @Test
    void anImageWithoutAQrIsEmptyNotAnError(@TempDir Path dir) throws IOException {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("blank.png");
        ImageIO.write(blank, "png", png.toFile());
        assertTrue(decoder.decode(png).isEmpty());
    }

    @Test
    void aFileThatIsNotAnImageIsReported(@TempDir Path dir) throws IOException {
        Path txt = Files.writeString(dir.resolve("not.png"), "hello");
        assertThrows(IOException.class, () -> decoder.decode(txt));
    }
}
