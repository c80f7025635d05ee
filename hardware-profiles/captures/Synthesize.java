// Writes the synthesized captures in this folder. Run from the repo root:
//   java hardware-profiles/captures/Synthesize.java
// It makes a fresh Ed25519 hub key pair, keeps only the public half (hub-test-public-key.txt)
// and signs the household cards with the private half, which is then forgotten. The MRZ check
// digits are computed here independently of the kiosk code, so the replay tests cross-check it.
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

public class Synthesize {
    static final Path DIR = Path.of("hardware-profiles/captures");
    static KeyPair hub;

    public static void main(String[] args) throws Exception {
        hub = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(DIR.resolve("hub-test-public-key.txt"),
                Base64.getEncoder().encodeToString(hub.getPublic().getEncoded()) + "\n");
        String cccd = "001099012345||Nguyễn Văn An|15031999|Nam|Số 12 ngõ 34 phố Huế, phường Phố Huế, quận Hai Bà Trưng, Hà Nội|20042021";
        String canCuoc = "064305001234||Rơ Châm H'Nhi|02022005|Nữ|Thôn Plei Ơi, xã Ia Pếch, huyện Ia Grai, Gia Lai|04102024||||";
        String withCmnd = "079188004321|025123456|Trần Thị Bích Ngọc|30071988|Nữ|12/3 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|11052022";
        String household = household("GDS1|an-tuong|AT-TH1-0042|20261121");
        String mrz = mrz("001099012345", "990315", 'M', "390315", "NGUYEN<<VAN<AN");
        byte[] crlf = {13, 10};
        byte[] cr = {13};

        write("generic-serial-qr", "cccd-2021", "CCCD card issued 2021, empty CMND field", "CCCD_QR valid", utf8(cccd), crlf);
        write("generic-serial-qr", "can-cuoc-2024", "Căn cước card issued Oct 2024: 11 fields", "CCCD_QR valid", utf8(canCuoc), crlf);
        write("generic-serial-qr", "household", "Household QR signed by the test hub key", "HOUSEHOLD_QR valid", utf8(household), crlf);
        write("generic-serial-qr", "noise-then-cccd", "Power-up noise (00 FF 11 1B) right before a scan", "CCCD_QR valid",
                cat(new byte[] {0, (byte) 0xFF, 0x11, 0x1B}, utf8(withCmnd)), crlf);
        write("generic-serial-qr", "mangled-cp1258", "Scanner left in Windows-1258 output while the profile says UTF-8",
                "CCCD_QR invalid", cccd.getBytes(Charset.forName("windows-1258")), crlf);
        write("generic-serial-qr", "two-scans", "Two cards scanned back to back in one read", "CCCD_QR valid; HOUSEHOLD_QR valid",
                cat(utf8(cccd), crlf, utf8(household)), crlf);
        write("generic-serial-qr-no-suffix", "cccd-2021", "CCCD card, no suffix: the frame ends on the idle gap", "CCCD_QR valid", utf8(cccd), new byte[0]);
        write("generic-serial-qr-no-suffix", "household", "Household QR, no suffix", "HOUSEHOLD_QR valid", utf8(household), new byte[0]);
        write("generic-usb-cdc", "cccd-with-cmnd", "CCCD card that still lists the old 9-digit CMND", "CCCD_QR valid", utf8(withCmnd), cr);
        write("generic-usb-cdc", "household", "Household QR", "HOUSEHOLD_QR valid", utf8(household), cr);
        write("honeywell-usb-serial", "cccd-2021", "CCCD card, Honeywell default CR suffix", "CCCD_QR valid", utf8(cccd), cr);
        write("honeywell-usb-serial", "can-cuoc-2024", "Căn cước card, Honeywell default CR suffix", "CCCD_QR valid", utf8(canCuoc), cr);
        write("honeywell-usb-serial", "household", "Household QR", "HOUSEHOLD_QR valid", utf8(household), cr);
        write("zebra-ds-serial", "cccd-2021", "CCCD card, Zebra CR LF suffix", "CCCD_QR valid", utf8(cccd), crlf);
        write("zebra-ds-serial", "household-altered", "Household QR whose household code was edited after signing",
                "HOUSEHOLD_QR invalid", utf8(household.replace("AT-TH1-0042", "AT-TH1-0043")), crlf);
        write("newland-serial", "can-cuoc-2024", "Căn cước card, Newland CR suffix", "CCCD_QR valid", utf8(canCuoc), cr);
        write("newland-serial", "household", "Household QR", "HOUSEHOLD_QR valid", utf8(household), cr);
        write("mrz-ocr-3line", "td1-crlf", "TD1 MRZ, lines ended by CR LF", "MRZ valid", ascii(mrz.replace("\n", "\r\n")), crlf);
        write("mrz-ocr-3line", "td1-cr", "TD1 MRZ, lines ended by CR only", "MRZ valid", ascii(mrz.replace("\n", "\r")), cr);
        String[] lines = mrz.split("\n");
        String misread = lines[0] + "\n" + lines[1].substring(0, 3) + "8" + lines[1].substring(4) + "\n" + lines[2];
        write("mrz-ocr-3line", "td1-misread", "TD1 MRZ with one birth-date digit misread by OCR", "MRZ invalid",
                ascii(misread.replace("\n", "\r\n")), crlf);
        write("simulated", "mixed", "Demo stream: CCCD, household QR and an MRZ block", "CCCD_QR valid; HOUSEHOLD_QR valid; MRZ valid",
                cat(utf8(cccd), crlf, utf8(household), crlf, ascii(mrz)), crlf);
    }

    static void write(String profile, String name, String what, String expect, byte[] payload, byte[] end) throws Exception {
        Path dir = DIR.resolve(profile);
        Files.createDirectories(dir);
        byte[] all = cat(payload, end);
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(what).append('\n');
        sb.append("# synthesized by Synthesize.java from the profile's documented framing, not recorded off a device\n");
        sb.append("# expect: ").append(expect).append('\n');
        String hex = HexFormat.of().formatHex(all);
        for (int i = 0; i < hex.length(); i += 64) {
            sb.append(hex, i, Math.min(hex.length(), i + 64)).append('\n');
        }
        Files.writeString(dir.resolve(name + ".hex"), sb.toString());
    }

    static String household(String signed) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(hub.getPrivate());
        s.update(signed.getBytes(StandardCharsets.UTF_8));
        return signed + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    static String mrz(String id, String dob, char sex, String expiry, String name) {
        String doc = id.substring(3);
        String l1 = "IDVNM" + doc + check(doc) + id + "<<<";
        String l2 = dob + check(dob) + sex + expiry + check(expiry) + "VNM" + "<".repeat(11);
        String composite = l1.substring(5) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
        l2 = l2 + check(composite);
        String l3 = (name + "<".repeat(30)).substring(0, 30);
        return l1 + "\n" + l2 + "\n" + l3;
    }

    static int check(String s) {
        int[] w = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * w[i % 3];
        }
        return sum % 10;
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
    static byte[] ascii(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
