package vn.giadinhso.hub.auth;

/** A signed-in dashboard user. Staff are bound to one commune; admins see every commune. */
public record StaffUser(String username, UserStore.Role role, String communeId) {
  public boolean isAdmin() {
    return role == UserStore.Role.ADMIN;
  }

  /** The one rule of who reads what: a staff member sees only their own commune. */
  public boolean canSee(String commune) {
    return isAdmin() || (communeId != null && communeId.equals(commune));
  }
}
