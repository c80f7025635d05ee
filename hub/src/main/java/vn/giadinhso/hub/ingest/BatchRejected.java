package vn.giadinhso.hub.ingest;

import vn.giadinhso.protocol.IdNumberText;

/** A batch refused whole: nothing of it is stored. {@code tooLarge} maps to HTTP 413, else 400. */
public final class BatchRejected extends Exception {
  private final boolean tooLarge;

  private BatchRejected(String message, boolean tooLarge) {
    super(message);
    this.tooLarge = tooLarge;
  }

  /**
   * The message goes back to the kiosk and into its log: any citizen ID number in it (from a key
   * or a parser's message quoting the body) is redacted, and control characters become {@code ?}.
   */
  static BatchRejected invalid(String message) {
    StringBuilder safe = new StringBuilder(IdNumberText.redact(message));
    for (int i = 0; i < safe.length(); i++) {
      char c = safe.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        safe.setCharAt(i, '?');
      }
    }
    return new BatchRejected(safe.toString(), false);
  }

  static BatchRejected tooLarge(String message) {
    return new BatchRejected(message, true);
  }

  public boolean tooLarge() {
    return tooLarge;
  }
}
