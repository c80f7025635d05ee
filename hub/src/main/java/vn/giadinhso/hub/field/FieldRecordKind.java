package vn.giadinhso.hub.field;

import java.util.Arrays;
import java.util.Optional;

/** What a team member recorded in the field; {@link #wire} is the name the phone sends. */
public enum FieldRecordKind {
  /** A home visit: who was helped, with what, and what the member can now do alone. */
  HOME_VISIT("home-visit"),
  /** The resident did a criterion on their own phone in front of the team member: MET. */
  CRITERION_VERIFIED("criterion-verified"),
  /** The team member saw a member's VNeID level-2 account work. */
  VNEID_VERIFIED("vneid-verified"),
  /** A check-in at a session (a mobile point's, mostly), taken on the phone: the kiosk's attendance. */
  ATTENDANCE("attendance");

  public final String wire;

  FieldRecordKind(String wire) {
    this.wire = wire;
  }

  public static Optional<FieldRecordKind> of(String wire) {
    return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
  }
}
