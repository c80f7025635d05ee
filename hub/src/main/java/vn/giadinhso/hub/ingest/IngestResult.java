package vn.giadinhso.hub.ingest;

import java.util.List;

/**
 * The answer to a batch: {@code accepted} and {@code duplicates} as {@link IngestCounts}, and the
 * newly stored events that changed nothing because they name a household or session outside the
 * kiosk's commune (kept in the log all the same).
 */
public record IngestResult(int accepted, int duplicates, List<Ignored> ignored) {
  /** One event stored but applied nowhere, and why (never echoing the payload). */
  public record Ignored(String id, String reason) {}

  public IngestResult {
    ignored = List.copyOf(ignored);
  }
}
