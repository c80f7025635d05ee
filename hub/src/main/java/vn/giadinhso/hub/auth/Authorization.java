package vn.giadinhso.hub.auth;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who may do what: the only place the dashboard's rules are written (decision hub-015). Routes
 * declare what they need ({@code web.Permission}) and the dashboard's gate asks here before any
 * handler runs; handlers ask here only about a second subject (the account a province officer
 * edits).
 *
 * <ul>
 *   <li>Admin: everything.
 *   <li>Province officer: reads every commune of its province (pages and exports), the province's
 *       own pages, and manages the commune staff and viewers of that province; changes nothing
 *       in a commune.
 *   <li>Commune staff: reads and runs its communes.
 *   <li>Viewer: reads its province's communes or its communes; changes nothing (its own password
 *       and signing out aside).
 *   <li>Field (community technology team member, decision hub-028): no dashboard page but its own
 *       account; in the field app, reads its villages' households (masked) and records field
 *       records for them, nothing else.
 * </ul>
 */
public final class Authorization {
  private final Function<String, Optional<String>> provinceOfCommune;

  /** @param provinceOfCommune a commune's province code (units.Units::provinceOf) */
  public Authorization(Function<String, Optional<String>> provinceOfCommune) {
    this.provinceOfCommune = provinceOfCommune;
  }

  public boolean canReadCommune(StaffUser user, String commune) {
    return switch (user.role()) {
      case ADMIN -> true;
      case STAFF -> user.communes().contains(commune);
      case PROVINCE -> inProvince(user.provinceCode(), commune);
      case VIEWER -> user.communes().contains(commune) || inProvince(user.provinceCode(), commune);
      // A team member sees households only through the field app, its villages only, masked.
      case FIELD -> false;
    };
  }

  /**
   * The dashboard beyond one's own account (the entry page, lessons, the audit log): every role
   * but a field team member's, whose place is the field app.
   */
  public boolean canUseDashboard(StaffUser user) {
    return user.role() != UserStore.Role.FIELD;
  }

  /** The field app's API: field team members only (staff work in the dashboard). */
  public boolean canUseFieldApp(StaffUser user) {
    return user.role() == UserStore.Role.FIELD;
  }

  /**
   * A village's households in the field app, masked, and field records about them: the team
   * member assigned that village of that commune.
   */
  public boolean canWorkInVillage(StaffUser user, String commune, String villageId) {
    return user.role() == UserStore.Role.FIELD && user.communes().contains(commune) && user.villages().contains(villageId);
  }

  /** Changes in a commune (sessions, households, requests, cards, kiosks): its staff and admins. */
  public boolean canWriteCommune(StaffUser user, String commune) {
    return user.isAdmin() || (user.role() == UserStore.Role.STAFF && user.communes().contains(commune));
  }

  public boolean canReadProvince(StaffUser user, String province) {
    return user.isAdmin() || (province != null && province.equals(user.provinceCode())
        && (user.role() == UserStore.Role.PROVINCE || user.role() == UserStore.Role.VIEWER));
  }

  /** Enrolment codes are working kiosk credentials: admins only (decision hub-006). */
  public boolean canEnrolKiosk(StaffUser user) {
    return user.isAdmin();
  }

  public boolean canManageAccounts(StaffUser user) {
    return user.isAdmin() || user.role() == UserStore.Role.PROVINCE;
  }

  /**
   * Lesson packs go to every kiosk of every commune the hub serves, so only an admin publishes
   * them (decision hub-017); anyone signed in may see what is published.
   */
  public boolean canPublishLessons(StaffUser user) {
    return user.isAdmin();
  }

  /** Provinces and communes (the units file): admins only. */
  public boolean canManageUnits(StaffUser user) {
    return user.isAdmin();
  }

  /**
   * Whether {@code actor} may disable, re-enable, reset or reassign {@code target}: admins any
   * account; a province officer only commune staff, viewers and field accounts wholly within its province, never
   * itself, an admin or another province officer.
   */
  public boolean canManage(StaffUser actor, StaffUser target) {
    if (actor.isAdmin()) {
      return true;
    }
    return actor.role() == UserStore.Role.PROVINCE && !actor.username().equals(target.username())
        && withinProvince(actor.provinceCode(), target.role(), target.provinceCode(), target.communes());
  }

  /** Whether {@code actor} may give an account this role and these units. */
  public boolean canAssign(StaffUser actor, Assignment assignment) {
    if (actor.isAdmin()) {
      return true;
    }
    return actor.role() == UserStore.Role.PROVINCE
        && withinProvince(actor.provinceCode(), assignment.role(), assignment.provinceCode(), assignment.communes());
  }

  private boolean withinProvince(String province, UserStore.Role role, String targetProvince, List<String> communes) {
    if (role != UserStore.Role.STAFF && role != UserStore.Role.VIEWER && role != UserStore.Role.FIELD) {
      return false;
    }
    if (targetProvince != null && !targetProvince.equals(province)) {
      return false;
    }
    return communes.stream().allMatch(c -> inProvince(province, c));
  }

  private boolean inProvince(String province, String commune) {
    return province != null && commune != null && provinceOfCommune.apply(commune).map(province::equals).orElse(false);
  }
}
