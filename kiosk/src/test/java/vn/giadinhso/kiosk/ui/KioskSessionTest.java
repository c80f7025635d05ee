package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which session the window runs in, from the unit's environment, and the exit code a restart ends with. */
class KioskSessionTest {

    @Test
    void theUnitsVariableNamesACompositorSessionAndARestartEndsWithSeventyFive() {
        KioskSession cage = KioskSession.fromEnvironment(Map.of(KioskSession.ENV, "cage"));
        assertTrue(cage.underCompositor());
        assertEquals(0, cage.exitCode(), "closed any other way, a normal end");
        cage.requestRestart();
        assertEquals(75, cage.exitCode());
    }

    @Test
    void withoutTheVariableOrWithABlankOneItIsADesktop() {
        assertFalse(KioskSession.fromEnvironment(Map.of()).underCompositor());
        assertFalse(KioskSession.fromEnvironment(Map.of(KioskSession.ENV, " ")).underCompositor());
        assertFalse(KioskSession.desktop().underCompositor());
    }
}
