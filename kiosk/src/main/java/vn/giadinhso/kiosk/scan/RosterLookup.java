package vn.giadinhso.kiosk.scan;

import java.util.Optional;
import vn.giadinhso.kiosk.household.Household;
import vn.giadinhso.kiosk.household.Member;
import vn.giadinhso.kiosk.household.Roster;
import vn.giadinhso.kiosk.identity.CitizenQr;
import vn.giadinhso.kiosk.identity.HouseholdCard;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.identity.MemberIdHasher;
import vn.giadinhso.kiosk.identity.MrzCard;
import vn.giadinhso.protocol.ScanMethod;

/**
 * From an identified card to a household: a household QR (already signature-checked by the
 * classifier) by its code; a citizen ID card by the keyed hash of its number. The plain number
 * is hashed here and goes no further.
 */
public final class RosterLookup {

    private final Roster roster;
    private final MemberIdHasher hasher;
    private final String communeId;

    public RosterLookup(Roster roster, MemberIdHasher hasher, String communeId) {
        this.roster = roster;
        this.hasher = hasher;
        this.communeId = communeId;
    }

    public Lookup find(Identification id) {
        String method = method(id);
        if (id instanceof HouseholdCard card && card.expired()) {
            return new Lookup(method, ScanResult.EXPIRED, Optional.empty(), card.householdCode(), null, null);
        }
        if (!id.valid()) {
            return new Lookup(method, ScanResult.INVALID, Optional.empty(), null, null, null);
        }
        if (id instanceof HouseholdCard card) {
            if (roster.revoked(card.householdCode(), card.serial())) {
                return new Lookup(method, ScanResult.REVOKED, Optional.empty(), card.householdCode(), null, null);
            }
            // Another commune's card verifies (one hub key) but is not on this kiosk's roster.
            Optional<Household> h = communeId.equals(card.communeId()) ? roster.byCode(card.householdCode())
                    : Optional.empty();
            return new Lookup(method, h.isPresent() ? ScanResult.FOUND : ScanResult.NOT_FOUND, h,
                    card.householdCode(), null, null);
        }
        String idNumber = id instanceof CitizenQr c ? c.idNumber() : ((MrzCard) id).idNumber();
        String hash = hasher.hash(idNumber);
        Optional<Household> h = roster.byMemberHash(hash);
        String name = h.flatMap(found -> found.members().stream().filter(m -> hash.equals(m.idHash()))
                .map(Member::displayName).findFirst()).orElse(null);
        return new Lookup(method, h.isPresent() ? ScanResult.FOUND : ScanResult.NOT_FOUND, h,
                h.map(Household::code).orElse(null), hash, name);
    }

    private static String method(Identification id) {
        ScanMethod method = switch (id.kind()) {
            case HOUSEHOLD_QR -> ScanMethod.HOUSEHOLD_QR;
            case CCCD_QR -> ScanMethod.CCCD_QR;
            case MRZ -> ScanMethod.MRZ;
            case UNKNOWN -> ScanMethod.UNKNOWN;
        };
        return method.wireName();
    }
}
