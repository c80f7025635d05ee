package vn.giadinhso.kiosk.scan;

import java.util.List;
import java.util.Optional;
import vn.giadinhso.kiosk.household.Household;
import vn.giadinhso.kiosk.household.Roster;
import vn.giadinhso.kiosk.identity.CitizenQr;
import vn.giadinhso.kiosk.identity.HouseholdCard;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.identity.MemberKeyring;
import vn.giadinhso.kiosk.identity.MrzCard;
import vn.giadinhso.protocol.ScanMethod;

/**
 * From an identified card to a household: a household QR (already signature-checked by the
 * classifier; refused when expired or revoked) by its code; a citizen ID card by the 14-bit tag of its hash and its masked name
 * (docs/member-ids.md). The plain number is hashed here and goes no further; the full hash leaves
 * only sealed to the hub.
 */
public final class RosterLookup {

    private final Roster roster;
    private final MemberKeyring keys;
    private final String communeId;

    public RosterLookup(Roster roster, MemberKeyring keys, String communeId) {
        this.roster = roster;
        this.keys = keys;
        this.communeId = communeId;
    }

    public Lookup find(Identification id) {
        String method = method(id);
        if (id instanceof HouseholdCard card && card.expired()) {
            return new Lookup(method, ScanResult.EXPIRED, Optional.empty(), card.householdCode(), null, null,
                    null);
        }
        if (!id.valid()) {
            return new Lookup(method, ScanResult.INVALID, Optional.empty(), null, null, null, null);
        }
        if (id instanceof HouseholdCard card) {
            if (roster.revoked(card.householdCode(), card.serial())) {
                return new Lookup(method, ScanResult.REVOKED, Optional.empty(), card.householdCode(), null, null,
                        null);
            }
            // Another commune's card verifies (one hub key) but is not on this kiosk's roster.
            Optional<Household> h = communeId.equals(card.communeId()) ? roster.byCode(card.householdCode())
                    : Optional.empty();
            return new Lookup(method, h.isPresent() ? ScanResult.FOUND : ScanResult.NOT_FOUND, h,
                    card.householdCode(), null, null, null);
        }
        MemberKeyring.Card card = id instanceof CitizenQr c ? keys.card(c.idNumber(), c.fullName())
                : keys.card(((MrzCard) id).idNumber(), ((MrzCard) id).fullName());
        List<Roster.MemberMatch> matches = roster.byMember(card.tags(), card.nameKey());
        long households = matches.stream().map(Roster.MemberMatch::householdCode).distinct().count();
        if (households > 1) {
            return new Lookup(method, ScanResult.AMBIGUOUS, Optional.empty(), null, card.sealed(), card.personKey(),
                    null);
        }
        Optional<Household> h = matches.isEmpty() ? Optional.empty() : roster.byCode(matches.get(0).householdCode());
        return new Lookup(method, h.isPresent() ? ScanResult.FOUND : ScanResult.NOT_FOUND, h,
                h.map(Household::code).orElse(null), card.sealed(), card.personKey(),
                h.isPresent() ? matches.get(0).displayName() : null);
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
