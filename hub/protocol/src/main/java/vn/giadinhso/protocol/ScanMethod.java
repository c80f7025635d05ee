package vn.giadinhso.protocol;

/** How a card was read, as the {@code identified} event's {@code method} names it. */
public enum ScanMethod {
  HOUSEHOLD_QR("household_qr"),
  CCCD_QR("cccd_qr"),
  MRZ("mrz"),
  UNKNOWN("unknown");

  private final String wireName;

  ScanMethod(String wireName) {
    this.wireName = wireName;
  }

  /** The value in the event payload. */
  public String wireName() {
    return wireName;
  }
}
