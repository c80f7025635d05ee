package vn.giadinhso.kiosk.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the hub's Ed25519 public key in the text form the hub's {@code public-key} command prints:
 * one line of standard base64 of the X.509 SubjectPublicKeyInfo (docs/household-qr.md).
 */
public final class HubPublicKey {

    private HubPublicKey() {
    }

    public static PublicKey fromText(String text) {
        try {
            byte[] der = Base64.getDecoder().decode(text.strip());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in base64 X.509 form: " + e.getMessage(), e);
        }
    }

    public static PublicKey fromFile(Path file) throws IOException {
        return fromText(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** The same text form, for writing a key file (tests, enrolment). */
    public static String toText(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
