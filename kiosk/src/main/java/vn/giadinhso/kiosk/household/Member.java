package vn.giadinhso.kiosk.household;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A household member as kiosks get it: a keyed hash of the ID number and a masked name. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Member(String idHash, String displayName) {
}
