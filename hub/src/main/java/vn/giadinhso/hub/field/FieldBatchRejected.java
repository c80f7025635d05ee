package vn.giadinhso.hub.field;

/**
 * A batch of field records refused whole, nothing of it stored: {@code tooLarge} answers 413,
 * {@code forbidden} 403 (a household outside the account's villages), anything else 400.
 */
public final class FieldBatchRejected extends Exception {
  public enum Why { INVALID, TOO_LARGE, FORBIDDEN }

  private final Why why;

  private FieldBatchRejected(Why why, String message) {
    super(message, null, false, false);
    this.why = why;
  }

  public static FieldBatchRejected invalid(String message) {
    return new FieldBatchRejected(Why.INVALID, message);
  }

  public static FieldBatchRejected tooLarge(String message) {
    return new FieldBatchRejected(Why.TOO_LARGE, message);
  }

  public static FieldBatchRejected forbidden(String message) {
    return new FieldBatchRejected(Why.FORBIDDEN, message);
  }

  public Why why() {
    return why;
  }
}
