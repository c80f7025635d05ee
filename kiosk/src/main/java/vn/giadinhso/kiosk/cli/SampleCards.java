package vn.giadinhso.kiosk.cli;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.giadinhso.kiosk.identity.MrzCheckDigit;
import vn.giadinhso.kiosk.identity.PayloadKind;

/**
 * Made-up but real-shaped payloads for the benchmark, one set per run with a fresh hub key pair.
 * No real person's data: the ID numbers are invented and agree with the invented birth dates.
 */
final class SampleCards {

    private final KeyPair hub;

    SampleCards() throws GeneralSecurityException {
        this.hub = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    KeyPair hubKeys() {
        return hub;
    }

    /** Sample payload text per kind, in a stable order. */
    Map<PayloadKind, Map<String, String>> byKind() throws GeneralSecurityException {
        Map<PayloadKind, Map<String, String>> all = new LinkedHashMap<>();
        all.put(PayloadKind.HOUSEHOLD_QR, Map.of("household QR", householdQr()));
        Map<String, String> cccd = new LinkedHashMap<>();
        cccd.put("CCCD 2021 QR", "001099012345||Nguyễn Văn An|15031999|Nam|Số 12 ngõ 34 phố Huế, phường Phố Huế,"
                + " quận Hai Bà Trưng, Hà Nội|20042021");
        cccd.put("Căn cước 2024 QR", "064305001234||Rơ Châm H'Nhi|02022005|Nữ|Thôn Plei Ơi, xã Ia Pếch,"
                + " huyện Ia Grai, Gia Lai|04102024||||");
        all.put(PayloadKind.CCCD_QR, cccd);
        all.put(PayloadKind.MRZ, Map.of("TD1 MRZ", mrz()));
        return all;
    }

    private String householdQr() throws GeneralSecurityException {
        String signed = "GDS1|an-tuong|AT-TH1-0042|20261121";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(hub.getPrivate());
        signer.update(signed.getBytes(StandardCharsets.UTF_8));
        return signed + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    static String mrz() {
        String id = "001099012345";
        String doc = id.substring(3);
        String line1 = "IDVNM" + doc + MrzCheckDigit.of(doc) + id + "<<<";
        String dob = "990315";
        String expiry = "390315";
        String line2start = dob + MrzCheckDigit.of(dob) + "M" + expiry + MrzCheckDigit.of(expiry) + "VNM" + "<".repeat(11);
        String composite = line1.substring(5) + line2start.substring(0, 7) + line2start.substring(8, 15)
                + line2start.substring(18, 29);
        String line2 = line2start + MrzCheckDigit.of(composite);
        String line3 = String.format("%-30s", "NGUYEN<<VAN<AN").replace(' ', '<');
        return line1 + "\n" + line2 + "\n" + line3;
    }
}
