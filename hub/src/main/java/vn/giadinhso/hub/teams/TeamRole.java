package vn.giadinhso.hub.teams;

/** A member's place in the team: tổ trưởng (one per team), tổ phó, thành viên. */
public enum TeamRole {
  LEADER, DEPUTY, MEMBER;

  /** The role named in a form or a file (its constant's name, any case), or null. */
  public static TeamRole of(String text) {
    for (TeamRole role : values()) {
      if (role.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return role;
      }
    }
    return null;
  }
}
