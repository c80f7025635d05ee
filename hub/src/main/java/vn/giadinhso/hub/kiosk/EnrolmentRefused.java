package vn.giadinhso.hub.kiosk;

/** An enrolment code that cannot be used, with the reason an operator can act on. */
public final class EnrolmentRefused extends Exception {
  public enum Reason {
    UNKNOWN("this enrolment code is not known to the hub; check it, or ask for a new one"),
    ALREADY_USED("this enrolment code was already used; ask the commune staff for a new one"),
    EXPIRED("this enrolment code has expired; ask the commune staff for a new one");

    private final String message;

    Reason(String message) {
      this.message = message;
    }
  }

  private final Reason reason;

  public EnrolmentRefused(Reason reason) {
    super(reason.message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
