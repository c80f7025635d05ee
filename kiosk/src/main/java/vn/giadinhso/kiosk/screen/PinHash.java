package vn.giadinhso.kiosk.screen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The staff PIN's salted Argon2id hash as a PHC string, {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}
 * (unpadded base64): the reference implementation's encoding, and what kiosks wrote before, so an
 * existing {@code staff-pin.json} still verifies. Known-answer vectors: {@code docs/privacy.md}.
 *
 * <p>Bouncy Castle computes it, not password4j (which the hub uses): password4j keeps an instance's
 * 19 MiB of blocks for the life of the process, from the moment the class holding it loads, so the
 * kiosk held 20 MB of heap from start-up for a PIN typed a few times a week. Bouncy Castle's blocks
 * belong to a generator made for one call, garbage when it returns.
 */
final class PinHash {

    /** OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane): ~0.1 s on a kiosk, slow for a guesser. */
    private static final int MEMORY_KIB = 19_456;
    private static final int PASSES = 2;
    private static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /**
     * Costs a hash may ask for. The file is on the kiosk's disk: one edited to ask for gigabytes
     * must fail to match, not exhaust the kiosk's 256 MB heap.
     */
    private static final int MAX_MEMORY_KIB = 65_536;
    private static final int MAX_PASSES = 10;
    private static final int MAX_LANES = 4;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{22,})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PinHash() {
    }

    static String hash(String pin) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return hash(pin, salt);
    }

    static String hash(String pin, byte[] salt) {
        byte[] out = argon2id(pin, salt, MEMORY_KIB, PASSES, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(out);
    }

    /** False for a wrong PIN and for anything that is not an Argon2id hash within the costs above. */
    static boolean matches(String pin, String phc) {
        if (pin == null || phc == null) {
            return false;
        }
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int passes = Integer.parseInt(m.group(2));
        int lanes = Integer.parseInt(m.group(3));
        if (lanes < 1 || lanes > MAX_LANES || passes < 1 || passes > MAX_PASSES || memory < 8 * lanes
                || memory > MAX_MEMORY_KIB) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(m.group(4));
            expected = Base64.getDecoder().decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = argon2id(pin, salt, memory, passes, lanes, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    private static byte[] argon2id(String pin, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(pin.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
