package vn.giadinhso.kiosk.identity;

/** Hides an ID number in diagnostic strings so that logging a result never leaks it. */
final class Redaction {

    private Redaction() {
    }

    static String idNumber(String id) {
        return id == null ? "null" : "<redacted, " + id.length() + " chars>";
    }
}
