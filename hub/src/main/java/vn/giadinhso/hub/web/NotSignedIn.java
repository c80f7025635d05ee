package vn.giadinhso.hub.web;

/** No valid session: pages redirect to the login form, API calls get 401. */
final class NotSignedIn extends RuntimeException {
  NotSignedIn() {
    super("not signed in", null, false, false);
  }
}
