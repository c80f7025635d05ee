package vn.giadinhso.hub.household;

import java.util.List;

/** The outcome of a household import; rejected rows name their line and reason. */
public record ImportReport(UpsertCounts counts, List<Rejection> rejections) {
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
