package vn.giadinhso.kiosk.ui;

import java.util.Map;

/**
 * How the kiosk's window is run: on a desktop (staff may leave full screen), or as the only client
 * of a kiosk compositor such as cage, started by a systemd unit that sets
 * {@code GIADINHSO_KIOSK_SESSION=cage} (issue 14's packaging). Under a compositor there is nothing
 * behind the window to go back to, so the staff action is "Khởi động lại kiosk": the process ends
 * with {@link #RESTART_EXIT_CODE} and the unit starts it again. Plain Java: no JavaFX here.
 */
public final class KioskSession {

    public static final String ENV = "GIADINHSO_KIOSK_SESSION";

    /**
     * EX_TEMPFAIL from sysexits.h: "try again". Not 0, so a unit with {@code Restart=on-failure}
     * restarts too; {@code RestartForceExitStatus=75} makes it explicit.
     */
    public static final int RESTART_EXIT_CODE = 75;

    private final String compositor;
    private volatile boolean restartRequested;

    private KioskSession(String compositor) {
        this.compositor = compositor;
    }

    /** From the process environment: any non-blank {@value #ENV} names the compositor session. */
    public static KioskSession fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV);
        return new KioskSession(value == null || value.isBlank() ? null : value.strip());
    }

    /** A window on a desktop (development, the demo). */
    public static KioskSession desktop() {
        return new KioskSession(null);
    }

    /** Whether the window runs as a compositor's only client, where leaving full screen means nothing. */
    public boolean underCompositor() {
        return compositor != null;
    }

    /** Staff chose "Khởi động lại kiosk": the process is to end with {@link #RESTART_EXIT_CODE}. */
    public void requestRestart() {
        restartRequested = true;
    }

    /** The code the process ends with once the window has closed. */
    public int exitCode() {
        return restartRequested ? RESTART_EXIT_CODE : 0;
    }

    @Override
    public String toString() {
        return compositor == null ? "desktop" : "compositor " + compositor;
    }
}
