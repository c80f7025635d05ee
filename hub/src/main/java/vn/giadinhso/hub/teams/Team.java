package vn.giadinhso.hub.teams;

/** A team of a commune; {@code villageId} and {@code villageName} are null for a whole-commune team. */
public record Team(long id, String communeId, String villageId, String villageName, String name) {}
