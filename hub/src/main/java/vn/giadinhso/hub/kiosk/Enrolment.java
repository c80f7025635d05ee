package vn.giadinhso.hub.kiosk;

/** What a kiosk receives once, when it enrols. The token is shown here and never again. */
public record Enrolment(String kioskId, String token, String supportPointId, String communeId) {}
