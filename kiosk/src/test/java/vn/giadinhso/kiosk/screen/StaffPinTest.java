package vn.giadinhso.kiosk.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffPinTest {

    @TempDir
    Path data;

    Instant now = Instant.parse("2026-11-21T08:00:00Z");

    StaffPin pin() {
        // A new StaffPin over the same data dir is what a restarted kiosk sees.
        return new StaffPin(new StaffPinFile(data), 3, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void thePinIsKeptOnlyAsASaltedArgon2idHash() throws Exception {
        pin().choose("246810");
        String file = Files.readString(data.resolve("staff-pin.json"));
        assertFalse(file.contains("246810"), file);
        assertTrue(file.contains("$argon2id$"), file);
        assertEquals(StaffPin.Answer.OK, pin().check("246810"));
        assertEquals(StaffPin.Answer.WRONG, pin().check("246811"));
        new StaffPin(new StaffPinFile(data.resolve("other")), 3, Duration.ofMinutes(5), Clock.systemUTC()).choose("246810");
        String other = Files.readString(data.resolve("other/staff-pin.json"));
        assertFalse(other.equals(file), "each hash has its own salt");
    }

    @Test
    void lockoutAfterWrongPinsSurvivesARestartAndThenEnds() {
        pin().choose("2468");
        assertEquals(StaffPin.Answer.WRONG, pin().check("1111"));
        assertEquals(StaffPin.Answer.WRONG, pin().check("1111"));
        assertEquals(StaffPin.Answer.LOCKED, pin().check("1111"));
        // Restarted (a new StaffPin): still locked, even for the right PIN.
        assertEquals(StaffPin.Answer.LOCKED, pin().check("2468"));
        assertTrue(pin().lockedFor().isPresent());
        now = now.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertEquals(StaffPin.Answer.OK, pin().check("2468"));
    }

    @Test
    void wrongCountIsNotResetByARestart() {
        pin().choose("2468");
        pin().check("1111");
        pin().check("1111");
        assertEquals(StaffPin.Answer.LOCKED, pin().check("1111"), "third wrong PIN over three 'restarts' locks");
    }

    @Test
    void noPinMeansStaffModeStaysClosed() {
        assertEquals(StaffPin.Answer.NOT_SET, pin().check(""));
        assertEquals(StaffPin.Answer.NOT_SET, pin().check("0000"));
        assertFalse(StaffPin.acceptable("12"));
        assertFalse(StaffPin.acceptable("12ab"));
        assertTrue(StaffPin.acceptable("1234"));
    }
}
