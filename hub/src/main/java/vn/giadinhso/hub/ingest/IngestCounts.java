package vn.giadinhso.hub.ingest;

/** Of a batch: events stored now, and events the log already had (a retry, never an error). */
public record IngestCounts(int accepted, int duplicates) {}
