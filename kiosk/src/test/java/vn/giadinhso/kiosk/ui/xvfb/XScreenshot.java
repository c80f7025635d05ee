package vn.giadinhso.kiosk.ui.xvfb;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Saves the whole X screen ({@code DISPLAY}) as a PNG: run in a process of its own, so the picture
 * is what the X server shows, taken from outside the kiosk (xwd and ImageMagick are not installed
 * here; the JDK's AWT robot is).
 */
public final class XScreenshot {
    private XScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", new File(args[0]));
    }
}
