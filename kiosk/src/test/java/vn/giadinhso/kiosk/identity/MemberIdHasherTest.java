package vn.giadinhso.kiosk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MemberIdHasherTest {

    // Expected value computed independently with Python's hmac module.
    private static final String KEY_BASE64 = "Y29tbXVuZS1hbi10dW9uZy10ZXN0LWtleS0zMi1ieXQ=";

    @Test
    void hashesLikeTheRosterDoes() {
        MemberIdHasher hasher = MemberIdHasher.fromBase64(KEY_BASE64);
        assertEquals("fd0f784334a8d9205ad8fc20d5f1080f4b0c76a96eba20d3bf67521fe89b1b53", hasher.hash("001099012345"));
    }

    @Test
    void anotherCommuneKeyGivesAnotherHash() {
        MemberIdHasher a = MemberIdHasher.fromBase64(KEY_BASE64);
        MemberIdHasher b = new MemberIdHasher("another commune".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(a.hash("001099012345"), b.hash("001099012345"));
    }

    @Test
    void refusesAnythingButTwelveDigits() {
        MemberIdHasher hasher = MemberIdHasher.fromBase64(KEY_BASE64);
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("00109901234"));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("00109901234x"));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("٠٠١٠٩٩٠١٢٣٤٥"));
        assertThrows(IllegalArgumentException.class, () -> new MemberIdHasher(new byte[0]));
    }
}
