package vn.giadinhso.kiosk.scan;

/**
 * The person a citizen ID card named, once the roster found their household: their household,
 * their hash sealed to the hub (only the hub can open it, docs/member-ids.md) and the tag-and-name
 * key attendance counts them by. Nothing here can test a guessed ID number on this kiosk.
 */
public record MatchedMember(String householdCode, String memberSealed, String personKey) {

    /** The sealed box stays out of logs and error messages: it names a person to the hub. */
    @Override
    public String toString() {
        return "MatchedMember[household=" + householdCode + ", sealed and person key redacted]";
    }
}
