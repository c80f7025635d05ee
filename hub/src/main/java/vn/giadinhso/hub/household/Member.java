package vn.giadinhso.hub.household;

/**
 * A household member as the hub keeps them: the ID number only as a keyed hash and a masked form,
 * and the birth year its century and year digits give (reports count youth by it). Children
 * without a card have none of the three.
 */
public record Member(String fullName, String idHash, String idMasked, Integer birthYear) {
  /** A member whose birth year is not known (no card, or stored before the hub kept it). */
  public Member(String fullName, String idHash, String idMasked) {
    this(fullName, idHash, idMasked, null);
  }
}
