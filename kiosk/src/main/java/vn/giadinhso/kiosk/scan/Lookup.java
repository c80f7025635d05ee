package vn.giadinhso.kiosk.scan;

import java.util.Optional;
import vn.giadinhso.kiosk.household.Household;

/**
 * A roster lookup's answer. {@code memberHash} is set for citizen ID cards (never the number
 * itself); {@code household} when found.
 */
public record Lookup(String method, ScanResult result, Optional<Household> household, String householdCode,
        String memberHash, String memberName) {
}
