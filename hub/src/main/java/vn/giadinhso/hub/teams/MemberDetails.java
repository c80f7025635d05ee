package vn.giadinhso.hub.teams;

import vn.giadinhso.hub.auth.UserStore;

/** What staff type for a member, checked and in kept form: the phone normalised, the role known. */
public record MemberDetails(String fullName, String phone, TeamRole role, String username) {

  /** Checks typed values; {@code username} blank means no sign-in account. */
  public static MemberDetails of(String fullName, String phone, String role, String username) {
    String name = Texts.required(fullName, "fullName");
    String kept = PhoneNumbers.normalise(phone).orElseThrow(() -> new TeamRejected("phone"));
    TeamRole teamRole = TeamRole.of(role);
    if (teamRole == null) {
      throw new TeamRejected("role");
    }
    String account = username == null || username.isBlank() ? null : username.strip();
    if (account != null && !UserStore.isUsername(account)) {
      throw new TeamRejected("username");
    }
    return new MemberDetails(name, kept, teamRole, account);
  }
}
