package vn.giadinhso.hub.household;

/**
 * A household member as the hub keeps them: the ID number only as a keyed hash and a masked form.
 * Children without a card have neither.
 */
public record Member(String fullName, String idHash, String idMasked) {}
