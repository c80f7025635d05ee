package vn.giadinhso.hub.auth;

import java.util.List;

/**
 * A dashboard account as stored: its role, the province it answers for (a province officer, a
 * viewer of a province), the communes it is assigned (commune staff, a viewer of communes, a field
 * team member) and, for a field team member, the ids of the villages it looks after.
 * What it may do is decided in one place, {@link Authorization}.
 */
public record StaffUser(String username, UserStore.Role role, String provinceCode, List<String> communes,
    List<String> villages) {
  public StaffUser {
    communes = communes == null ? List.of() : List.copyOf(communes);
    villages = villages == null ? List.of() : List.copyOf(villages);
  }

  /** An account of any role but a field team member's (which names its villages' ids too). */
  public StaffUser(String username, UserStore.Role role, String provinceCode, List<String> communes) {
    this(username, role, provinceCode, communes, List.of());
  }

  /** An account of one commune (or none): the shape every account had before roles (issue 12). */
  public StaffUser(String username, UserStore.Role role, String communeId) {
    this(username, role, null, communeId == null ? List.of() : List.of(communeId));
  }

  public boolean isAdmin() {
    return role == UserStore.Role.ADMIN;
  }

  /**
   * The account's first commune (where staff of one commune land; what the audit log files its
   * sign-ins under), or null for admins and province accounts.
   */
  public String communeId() {
    return communes.isEmpty() ? null : communes.get(0);
  }
}
