package vn.giadinhso.hub.household;

import java.util.List;

/**
 * The outcome of a household import; rejected rows name their line and reason.
 *
 * @param keptStaffLabels households whose groups or flags in the file differ from what staff set
 *     on the dashboard, where the import kept the staff's
 */
public record ImportReport(UpsertCounts counts, List<Rejection> rejections, int keptStaffLabels) {
  /**
   * @param reason in English, for the command line and logs; names the column, never the content
   * @param kind what is wrong, one word ({@code badIdNumber}, {@code unknownGroup}…), for the dashboard to say it
   *     in the reader's language
   * @param detail the words that go with it: a member's position, an earlier line, items separated by |
   */
  public record Rejection(long line, String reason, String kind, String detail) {
    public Rejection(long line, String reason) {
      this(line, reason, "other", "");
    }

    @Override
    public String toString() {
      return "line " + line + ": " + reason;
    }
  }

  public ImportReport {
    rejections = List.copyOf(rejections);
  }
}
