package vn.giadinhso.hub.teams;

import vn.giadinhso.protocol.IdNumberText;

/** The checks every typed text of the register passes: present when required, short, no ID number in it. */
final class Texts {
  static final int MAX = 200;

  private Texts() {}

  /** The text stripped; refused when empty, too long or holding an ID number. */
  static String required(String value, String field) {
    String text = optional(value, field);
    if (text == null) {
      throw new TeamRejected("missing", field);
    }
    return text;
  }

  /** The text stripped, or null when blank; refused when too long or holding an ID number. */
  static String optional(String value, String field) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > MAX) {
      throw new TeamRejected("tooLong", field);
    }
    // The register is shown to staff and exported: an ID number has no place in it.
    if (IdNumberText.containsIdNumber(text)) {
      throw new TeamRejected("idNumber", field);
    }
    return text;
  }
}
