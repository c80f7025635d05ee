package vn.giadinhso.hub.teams;

/** One member of a team; {@code phone} in its kept form ({@link PhoneNumbers}), {@code username} null when none. */
public record TeamMember(long id, long teamId, String fullName, String phone, TeamRole role, String username) {}
