package vn.giadinhso.hub.teams;

/** A household as the register lists it: code, village name and head's name (pages mask the name). */
public record HouseholdRef(String code, String village, String headName) {}
