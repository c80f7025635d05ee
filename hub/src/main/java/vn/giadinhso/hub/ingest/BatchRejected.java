package vn.giadinhso.hub.ingest;

/** A batch refused whole: nothing of it is stored. {@code tooLarge} maps to HTTP 413, else 400. */
public final class BatchRejected extends Exception {
  private final boolean tooLarge;

  private BatchRejected(String message, boolean tooLarge) {
    super(message);
    this.tooLarge = tooLarge;
  }

  static BatchRejected invalid(String message) {
    return new BatchRejected(message, false);
  }

  static BatchRejected tooLarge(String message) {
    return new BatchRejected(message, true);
  }

  public boolean tooLarge() {
    return tooLarge;
  }
}
