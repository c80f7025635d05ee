package vn.giadinhso.kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.identity.PayloadKind;

class HardwareProfileReaderTest {

    @Test
    void everyShippedProfileLoadsAndIsNamedAfterItsFile() throws IOException {
        for (Path file : ShippedProfiles.all()) {
            HardwareProfile p = new HardwareProfileReader().read(file);
            assertEquals(file.getFileName().toString(), p.id() + ".json");
        }
    }

    @Test
    void theIssuesReadersAreAllThere() {
        Set<String> ids = ShippedProfiles.all().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        assertTrue(ids.contains("generic-serial-qr.json"));
        assertTrue(ids.contains("generic-usb-cdc.json"));
        assertTrue(ids.contains("simulated.json"));
        assertTrue(ids.stream().anyMatch(i -> i.startsWith("honeywell-")));
        assertTrue(ids.stream().anyMatch(i -> i.startsWith("zebra-")));
        assertTrue(ids.stream().anyMatch(i -> i.startsWith("newland-")));
    }

    @Test
    void genericSerialQrIs9600EightNOneWithCrLf() {
        HardwareProfile p = ShippedProfiles.load("generic-serial-qr");
        assertEquals(new SerialSettings(9600, 8, Parity.NONE, 1), p.serial());
        assertEquals(FramingMode.TERMINATOR, p.framing().mode());
        assertEquals("0D0A", p.framing().terminatorHex());
        assertEquals(115200, ShippedProfiles.load("generic-usb-cdc").serial().baudRate());
        HardwareProfile mrz = ShippedProfiles.load("mrz-ocr-3line");
        assertEquals(FramingMode.LINES, mrz.framing().mode());
        assertEquals(3, mrz.framing().lines());
        assertEquals(Set.of(PayloadKind.MRZ), Set.copyOf(mrz.payloadKinds()));
        assertEquals(0x0c2e, ShippedProfiles.load("honeywell-usb-serial").port().vendorId().getAsInt());
    }

    @Test
    void wireTimeCountsStartParityAndStopBits() {
        assertEquals(10, new SerialSettings(9600, 8, Parity.NONE, 1).bitsPerByte());
        assertEquals(12, new SerialSettings(9600, 8, Parity.EVEN, 2).bitsPerByte());
        // 96 bytes × 10 bits at 9600 baud = 100 ms.
        assertEquals(100_000_000L, new SerialSettings(9600, 8, Parity.NONE, 1).wireNanos(96));
    }

    @Test
    void aMisspeltFieldIsAnError(@TempDir Path dir) throws IOException {
        String json = Files.readString(ShippedProfiles.file("generic-serial-qr")).replace("\"encoding\"", "\"encodign\"");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json);
        IOException e = assertThrows(IOException.class, () -> new HardwareProfileReader().read(bad));
        assertTrue(e.getMessage().contains("encodign"), e.getMessage());
    }

    @Test
    void anUnknownEncodingOrBadFramingIsAnError(@TempDir Path dir) throws IOException {
        String json = Files.readString(ShippedProfiles.file("generic-serial-qr"));
        Path badCharset = dir.resolve("a.json");
        Files.writeString(badCharset, json.replace("\"UTF-8\"", "\"UTF-9\""));
        assertTrue(assertThrows(IOException.class, () -> new HardwareProfileReader().read(badCharset)).getMessage()
                .contains("UTF-9"));
        Path noTerminator = dir.resolve("b.json");
        Files.writeString(noTerminator, json.replace("\"0D0A\"", "\"\""));
        assertTrue(assertThrows(IOException.class, () -> new HardwareProfileReader().read(noTerminator)).getMessage()
                .contains("terminator"));
    }

    @Test
    void usbIdsMatchVendorAndOptionallyProduct() {
        PortMatch anyHoneywell = new PortMatch(null, "0c2e", null);
        assertTrue(anyHoneywell.matchesUsb(0x0c2e, 0x0b61));
        assertTrue(!anyHoneywell.matchesUsb(0x05e0, 0x1900));
        assertTrue(!anyHoneywell.matchesUsb(-1, -1));
        PortMatch oneModel = new PortMatch(null, "0x0C2E", "0b61");
        assertTrue(oneModel.matchesUsb(0x0c2e, 0x0b61));
        assertTrue(!oneModel.matchesUsb(0x0c2e, 0x0b6a));
        assertThrows(IllegalArgumentException.class, () -> new PortMatch(null, "xyz", null));
        assertThrows(IllegalArgumentException.class, () -> new PortMatch(null, null, "0b61"));
    }
}
