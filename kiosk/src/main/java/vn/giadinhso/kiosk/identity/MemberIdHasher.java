package vn.giadinhso.kiosk.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.giadinhso.protocol.CitizenIdNumber;

/**
 * Turns a 12-digit ID number into the roster's {@code idHash}:
 * {@code hex(HMAC-SHA256(memberHashKey, idNumber))} (docs/household-qr.md), so the kiosk can
 * match a scanned card against the roster without ever storing a plain ID number.
 */
public final class MemberIdHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public MemberIdHasher(byte[] memberHashKey) {
        if (memberHashKey.length == 0) {
            throw new IllegalArgumentException("member hash key is empty");
        }
        this.key = new SecretKeySpec(memberHashKey.clone(), ALGORITHM);
    }

    /** From the base64 {@code memberHashKey} returned at enrolment. */
    public static MemberIdHasher fromBase64(String memberHashKey) {
        return new MemberIdHasher(Base64.getDecoder().decode(memberHashKey.strip()));
    }

    /** Lower-case hex HMAC of the 12 ASCII digits; refuses anything else so hashes stay comparable. */
    public String hash(String idNumber) {
        if (!CitizenIdNumber.isTwelveDigits(idNumber)) {
            throw new IllegalArgumentException("an ID number is 12 ASCII digits");
        }
        try {
            // A fresh Mac per call keeps the hasher safe to share between reader threads.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
