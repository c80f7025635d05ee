package vn.giadinhso.hub.teams;

/**
 * A team's line in the commune's list: members, members with at least one training, distinct
 * households its members look after, and the households of its area (its village, or the commune).
 */
public record TeamSummary(Team team, String leaderName, int members, int trained, int lookedAfter, int areaHouseholds) {}
