package vn.giadinhso.kiosk.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a household QR card offline (docs/household-qr.md). Kiosks hold only the hub's public
 * key, so a stolen kiosk cannot mint cards; without the key a card is reported unverifiable.
 */
final class HouseholdQrVerifier {

    static final String TAG = "GDS1";
    private static final int FIELDS = 5;
    private static final int MAX_FIELD = 32;
    private static final int SIGNATURE_CHARS = 86;
    private static final int SIGNATURE_BYTES = 64;

    private final Optional<PublicKey> hubKey;

    HouseholdQrVerifier(Optional<PublicKey> hubKey) {
        this.hubKey = hubKey;
    }

    HouseholdCard verify(String text) {
        List<String> errors = new ArrayList<>();
        MangledText.reason(text).ifPresent(errors::add);
        if (!text.startsWith(TAG + "|")) {
            errors.add("household QR must start with 'GDS1|'");
            return new HouseholdCard(errors, null, null, null);
        }
        String[] f = text.split("\\|", -1);
        if (f.length != FIELDS) {
            errors.add("household QR has exactly 5 fields separated by '|', got " + f.length);
            return new HouseholdCard(errors, null, null, null);
        }
        String commune = f[1];
        if (!matches(commune, "abcdefghijklmnopqrstuvwxyz0123456789-")) {
            errors.add("commune id must be 1–32 of a–z, 0–9 and '-'");
            commune = null;
        }
        String household = f[2];
        if (!matches(household, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")) {
            errors.add("household code must be 1–32 of A–Z, 0–9 and '-'");
            household = null;
        }
        LocalDate issued = CardDate.yyyyMMdd(f[3]).orElse(null);
        if (issued == null) {
            errors.add("issue date must be a real date in yyyyMMdd form");
        }
        byte[] signature = signature(f[4]);
        if (signature == null) {
            errors.add("signature must be 64 bytes of base64url without padding (86 characters)");
        }
        if (errors.isEmpty()) {
            String signed = text.substring(0, text.lastIndexOf('|'));
            if (hubKey.isEmpty()) {
                errors.add("unverifiable: no hub public key configured, the signature was not checked");
            } else if (!verifies(hubKey.get(), signed, signature)) {
                errors.add("signature does not verify with the hub key: the card was altered or signed by another hub");
            }
        }
        return new HouseholdCard(errors, commune, household, issued);
    }

    private static boolean matches(String field, String alphabet) {
        if (field.isEmpty() || field.length() > MAX_FIELD) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            if (alphabet.indexOf(field.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] signature(String field) {
        if (field.length() != SIGNATURE_CHARS) {
            return null;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!ok) {
                return null;
            }
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(field);
            // The decoder ignores the last character's unused bits; without this check two
            // different printed cards would carry "the same" valid signature.
            boolean canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(field);
            return bytes.length == SIGNATURE_BYTES && canonical ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean verifies(PublicKey key, String signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A malformed signature is a forged card as far as the resident is concerned.
            return false;
        }
    }
}
