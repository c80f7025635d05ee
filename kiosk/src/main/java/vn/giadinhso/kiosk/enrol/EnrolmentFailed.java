package vn.giadinhso.kiosk.enrol;

import java.io.IOException;

/** Why an enrolment did not work, so the screen can say it in plain words and staff can act. */
public final class EnrolmentFailed extends IOException {

    public enum Reason {
        /** HTTP 409: the code was already used (by this or another kiosk). */
        CODE_USED,
        /** HTTP 401: the hub does not know the code, or it has expired. */
        CODE_UNKNOWN_OR_EXPIRED,
        /** No answer: wrong address, hub down, or no network. */
        HUB_UNREACHABLE,
        /** An answer, but not from a Gia Đình Số hub (or a hub error). */
        NOT_A_HUB,
        /** A plain http:// address on the network: refused before anything is sent (see {@link HubAddress}). */
        INSECURE_HUB
    }

    private final Reason reason;

    public EnrolmentFailed(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
