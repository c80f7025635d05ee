package vn.giadinhso.kiosk.household;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A household member as kiosks get it: a 14-bit tag of the member's hash (null for a member
 * without an ID card) and a masked name. Too little to single anyone out (docs/member-ids.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Member(Integer idTag, String displayName) {
}
