package vn.giadinhso.hub.auth;

import java.util.List;

/**
 * What an account is given: a role and, by role, a province or communes (and, for a field team
 * member, villages of its one commune). Checked here so the CLI, the users page and the store
 * refuse the same shapes.
 */
public record Assignment(UserStore.Role role, String provinceCode, List<String> communes, List<String> villages) {
  public Assignment {
    communes = cleaned(communes);
    villages = cleaned(villages);
    provinceCode = provinceCode == null || provinceCode.isBlank() ? null : provinceCode.strip();
    if (role != UserStore.Role.FIELD && !villages.isEmpty()) {
      throw new IllegalArgumentException("only a field account names villages");
    }
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
      case FIELD -> {
        if (provinceCode != null || communes.size() != 1 || villages.isEmpty()) {
          throw new IllegalArgumentException("a field account belongs to one commune and one or more of its villages");
        }
      }
    }
  }

  /** Every role but a field account's: no villages. */
  public Assignment(UserStore.Role role, String provinceCode, List<String> communes) {
    this(role, provinceCode, communes, List.of());
  }

  /** A community technology team member: one commune, the villages (ids or names) it looks after. */
  public static Assignment field(String commune, List<String> villages) {
    return new Assignment(UserStore.Role.FIELD, null, List.of(commune), villages);
  }

  private static List<String> cleaned(List<String> values) {
    return values == null ? List.of() : values.stream().filter(c -> c != null && !c.isBlank())
        .map(String::strip).distinct().toList();
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
