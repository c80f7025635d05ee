package vn.giadinhso.kiosk.scan;

import java.util.Optional;
import vn.giadinhso.kiosk.household.Household;

/**
 * A roster lookup's answer. For citizen ID cards {@code memberSealed} is the member's hash sealed
 * to the hub (null without a sealing key) and {@code personKey} the tag-and-name key attendance
 * counts by; neither can test a guessed ID number on this kiosk. {@code household} when found.
 */
public record Lookup(String method, ScanResult result, Optional<Household> household, String householdCode,
        String memberSealed, String personKey, String memberName) {

    /**
     * The person a citizen ID card named, when it found their household (issue 15: the kiosk may
     * then ask them about themselves). Empty for a household QR card (it names no person), for a
     * card not found or found in several households, and without a sealing key (then no member
     * field leaves the kiosk at all).
     */
    public java.util.Optional<MatchedMember> member() {
        return result == ScanResult.FOUND && household.isPresent() && memberSealed != null && personKey != null
                ? java.util.Optional.of(new MatchedMember(householdCode, memberSealed, personKey))
                : java.util.Optional.empty();
    }
}
