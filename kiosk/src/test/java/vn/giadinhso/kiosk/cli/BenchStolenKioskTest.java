package vn.giadinhso.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.KioskMain;
import vn.giadinhso.kiosk.bench.StolenKioskAttack;

/** The stolen-kiosk benchmark prints the figures docs/privacy.md quotes, from a directory it really built. */
class BenchStolenKioskTest {

    @TempDir
    Path dir;

    @Test
    void theAttackerFindsNoEntryWithFewerThanSixteenPlausibleIdNumbers() throws Exception {
        StringWriter out = new StringWriter();
        Path data = dir.resolve("kiosk");
        int code = KioskMain.run(new String[] {"bench-stolen-kiosk", "--members", "200", "--years", "1985",
            "--scans", "5", "--data", data.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        String text = out.toString();
        assertEquals(0, code, text);
        assertTrue(text.contains("files holding a 64-hex string: none"), text);
        Matcher plausible = Pattern.compile("min (\\d+), median (\\d+).*entries under 16: 0").matcher(text);
        assertTrue(plausible.find(), text);
        assertTrue(Integer.parseInt(plausible.group(1)) >= 16, text);
        assertTrue(text.contains("ns per guess") && text.contains("kiosk scan → roster answer"), text);
        // What the attacker read is the kept directory: tags only.
        StolenKioskAttack attack = new StolenKioskAttack(data);
        assertEquals(200, attack.entries().size());
        assertTrue(attack.entries().stream().allMatch(e -> e.tag() >= 0 && e.tag() < 16384 && e.keyVersion() == 1));
    }
}
