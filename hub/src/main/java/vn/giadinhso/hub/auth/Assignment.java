package vn.giadinhso.hub.auth;

import java.util.List;

/**
 * What an account is given: a role and, by role, a province or communes. Checked here so the CLI,
 * the users page and the store refuse the same shapes.
 */
public record Assignment(UserStore.Role role, String provinceCode, List<String> communes) {
  public Assignment {
    communes = communes == null ? List.of() : communes.stream().filter(c -> c != null && !c.isBlank())
        .map(String::strip).distinct().toList();
    provinceCode = provinceCode == null || provinceCode.isBlank() ? null : provinceCode.strip();
    switch (role) {
      case ADMIN -> {
        if (provinceCode != null || !communes.isEmpty()) {
          throw new IllegalArgumentException("an admin account has no province or communes: it sees every one");
        }
      }
      case PROVINCE -> {
        if (provinceCode == null || !communes.isEmpty()) {
          throw new IllegalArgumentException("a province officer names one province (and no communes)");
        }
      }
      case STAFF -> {
        if (provinceCode != null || communes.isEmpty()) {
          throw new IllegalArgumentException("a staff account belongs to one or more communes (and no province)");
        }
      }
      case VIEWER -> {
        if ((provinceCode == null) == communes.isEmpty()) {
          throw new IllegalArgumentException("a viewer reads either one province or one or more communes");
        }
      }
    }
  }

  public static Assignment admin() {
    return new Assignment(UserStore.Role.ADMIN, null, List.of());
  }

  public static Assignment province(String code) {
    return new Assignment(UserStore.Role.PROVINCE, code, List.of());
  }

  public static Assignment staff(String... communes) {
    return new Assignment(UserStore.Role.STAFF, null, List.of(communes));
  }

  /** The shape of the old single-commune API: admins none, everyone else the one commune. */
  static Assignment of(UserStore.Role role, String communeId) {
    return role == UserStore.Role.ADMIN ? admin()
        : new Assignment(role, null, communeId == null ? List.of() : List.of(communeId));
  }
}
