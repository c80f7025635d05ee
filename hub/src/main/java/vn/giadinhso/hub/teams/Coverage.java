package vn.giadinhso.hub.teams;

/** A commune's register in figures: what its teams and reports show. */
public record Coverage(int teams, int members, int trained, int lookedAfter, int households) {}
