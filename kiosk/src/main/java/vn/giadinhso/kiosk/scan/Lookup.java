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
}
