package vn.giadinhso.hub.web;

import io.javalin.security.RouteRole;

/**
 * What a dashboard route needs, declared where it is registered ({@code routes.get(path,
 * handler, Permission.READ_COMMUNE)}). {@link DashboardAccess#authorize} checks it before the
 * handler runs, through {@link vn.giadinhso.hub.auth.Authorization}; a dashboard route declaring
 * none is refused, so a new route cannot forget (RouteAccessTest walks them all).
 */
enum Permission implements RouteRole {
  /** Any account that uses the dashboard (not a field team member): the entry page, lessons, the audit log (filtered). */
  SIGNED_IN,
  /** Every signed-in account, field team members too: one's own account page, its password, signing out. */
  OWN_ACCOUNT,
  /** Read a commune ({commune} in the path): its pages, exports and JSON. */
  READ_COMMUNE,
  /** Change something in a commune ({commune}), or print its household cards. */
  WRITE_COMMUNE,
  /** Issue a kiosk enrolment code for a commune ({commune}). */
  ENROL_KIOSK,
  /** Read a province ({province} in the path). */
  READ_PROVINCE,
  /** The accounts pages: admins, and province officers within their province. */
  MANAGE_ACCOUNTS,
  /** Provinces and communes: the units page and its upload. */
  MANAGE_UNITS,
  /** Publish a lesson pack to every kiosk the hub serves (admins). */
  PUBLISH_LESSONS
}
