package vn.giadinhso.kiosk.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known-answer vectors from docs/privacy.md, "The kiosk's staff PIN". */
class PinHashTest {

    /** The reference implementation (argon2 CLI): {@code echo -n 2468 | argon2 gds-salt-16bytes -id -t 2 -k 19456 -p 1 -l 32 -e}. */
    static final String REFERENCE_2468 =
            "$argon2id$v=19$m=19456,t=2,p=1$Z2RzLXNhbHQtMTZieXRlcw$7SOGWu50YQklD5/D4TrTVR6Z9uFTRaJo1gX+AdPheiE";

    /** What a kiosk wrote before 2026-12-01 (password4j 1.8.4, random salt) for the PIN 246810. */
    static final String WRITTEN_BY_PASSWORD4J =
            "$argon2id$v=19$m=19456,t=2,p=1$XOUFDkj0E6XjmDEQlQ04YQ$LhIWEiaip+DBH/u03GwY3IiP1ime3iHnkkC7sTo5eFg";

    @TempDir
    Path data;

    @Test
    void hashesAsTheReferenceImplementationDoes() {
        assertEquals(REFERENCE_2468, PinHash.hash("2468", "gds-salt-16bytes".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(PinHash.matches("2468", REFERENCE_2468));
        assertFalse(PinHash.matches("2469", REFERENCE_2468));
    }

    @Test
    void aPinChosenOnAnOlderKioskStillOpensStaffMode() throws Exception {
        assertTrue(PinHash.matches("246810", WRITTEN_BY_PASSWORD4J));
        assertFalse(PinHash.matches("246811", WRITTEN_BY_PASSWORD4J));
        Files.writeString(data.resolve("staff-pin.json"),
                "{\"hash\":\"" + WRITTEN_BY_PASSWORD4J + "\",\"wrongInARow\":0,\"lockedUntil\":null}");
        StaffPin pin = new StaffPin(new StaffPinFile(data), 5, Duration.ofMinutes(5), Clock.systemUTC());
        assertEquals(StaffPin.Answer.OK, pin.check("246810"));
    }

    @Test
    void newHashesHaveTheirOwnSaltAndTheOwaspCost() {
        String a = PinHash.hash("2468");
        String b = PinHash.hash("2468");
        assertNotEquals(a, b);
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertTrue(PinHash.matches("2468", a) && PinHash.matches("2468", b));
    }

    @Test
    void anEditedOrDamagedHashNeverMatches() {
        String salt = "Z2RzLXNhbHQtMTZieXRlcw";
        String hash = "7SOGWu50YQklD5/D4TrTVR6Z9uFTRaJo1gX+AdPheiE";
        // Costs a tampered file might ask for: 4 GiB of memory must not be tried on a 256 MB heap.
        assertFalse(PinHash.matches("2468", "$argon2id$v=19$m=4194304,t=2,p=1$" + salt + "$" + hash));
        assertFalse(PinHash.matches("2468", "$argon2id$v=19$m=19456,t=9999,p=1$" + salt + "$" + hash));
        assertFalse(PinHash.matches("2468", "$argon2id$v=19$m=19456,t=2,p=0$" + salt + "$" + hash));
        // Another variant, another version, a cut-off hash, not a hash at all.
        assertFalse(PinHash.matches("2468", "$argon2i$v=19$m=19456,t=2,p=1$" + salt + "$" + hash));
        assertFalse(PinHash.matches("2468", "$argon2id$v=16$m=19456,t=2,p=1$" + salt + "$" + hash));
        assertFalse(PinHash.matches("2468", REFERENCE_2468.substring(0, REFERENCE_2468.length() - 30)));
        assertFalse(PinHash.matches("2468", "unreadable"));
        assertFalse(PinHash.matches("2468", null));
        assertFalse(PinHash.matches(null, REFERENCE_2468));
        // One character of the stored hash changed.
        assertFalse(PinHash.matches("2468", REFERENCE_2468.replace("7SOG", "7SOH")));
    }
}
