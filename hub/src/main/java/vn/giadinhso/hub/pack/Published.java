package vn.giadinhso.hub.pack;

import java.time.Instant;

/** A stored pack version and when it was published. */
public record Published<P>(P pack, Instant at) {}
