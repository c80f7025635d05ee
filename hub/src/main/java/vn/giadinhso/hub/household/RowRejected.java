package vn.giadinhso.hub.household;

/**
 * A household (a file row, or one typed into the dashboard) that breaks a roster rule. The message
 * is English and names the column, never the content (it may hold an ID number).
 *
 * @see ImportReport.Rejection for kind and detail
 */
public final class RowRejected extends Exception {
  private final String kind;
  private final String detail;

  RowRejected(String kind, String message, String detail) {
    super(message);
    this.kind = kind;
    this.detail = detail;
  }

  public String kind() {
    return kind;
  }

  public String detail() {
    return detail;
  }
}
