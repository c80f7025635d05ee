package vn.giadinhso.hub.units;

import java.time.Instant;

/** One units file applied: when, by whom, the file's name, the sources its rows named, rows applied. */
public record UnitImport(Instant at, String actor, String fileName, String sources, int provinces, int communes) {}
