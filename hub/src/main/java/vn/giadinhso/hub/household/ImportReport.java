package vn.giadinhso.hub.household;

import java.util.List;

/**
 * The outcome of a household import; rejected rows name their line and reason.
 *
 * @param keptStaffLabels households whose groups or flags in the file differ from what staff set
 *     on the dashboard, where the import kept the staff's
 */
public record ImportReport(UpsertCounts counts, List<Rejection> rejections, int keptStaffLabels) {
  public record Rejection(long line, String reason) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason;
    }
  }

  public ImportReport {
    rejections = List.copyOf(rejections);
  }
}
