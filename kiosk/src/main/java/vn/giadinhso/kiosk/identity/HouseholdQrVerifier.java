package vn.giadinhso.kiosk.identity;

import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.giadinhso.protocol.HouseholdQr;

/**
 * Verifies a household QR card offline with the protocol's one definition (docs/household-qr.md).
 * Kiosks hold only the hub's public keys, so a stolen kiosk cannot mint cards; without a key a
 * card is reported unverifiable; a card of a key past its {@code validUntil} (this kiosk's clock)
 * is expired.
 */
final class HouseholdQrVerifier {

    // The keys to check a payload with; the payload is passed for the single-key case below.
    private final Function<String, List<HouseholdQr.HubKey>> keysFor;
    private final Clock clock;

    HouseholdQrVerifier(Supplier<List<HouseholdQr.HubKey>> keys, Clock clock) {
        this(text -> keys.get(), clock);
    }

    private HouseholdQrVerifier(Function<String, List<HouseholdQr.HubKey>> keysFor, Clock clock) {
        this.keysFor = keysFor;
        this.clock = clock;
    }

    /**
     * One configured key (the {@code --hub-key} file of the CLI tools) checks a card whatever key id
     * it names: the signature still has to verify with that key.
     */
    static HouseholdQrVerifier singleKey(PublicKey key, Clock clock) {
        return new HouseholdQrVerifier((String text) -> List.of(new HouseholdQr.HubKey(
                HouseholdQr.keyId(text).orElse(HouseholdQr.FIRST_KEY_ID), key, null)), clock);
    }

    HouseholdCard verify(String text) {
        List<String> errors = new ArrayList<>();
        MangledText.reason(text).ifPresent(errors::add);
        HouseholdQr.Reading reading = HouseholdQr.read(text, keysFor.apply(text), LocalDate.now(clock));
        errors.addAll(reading.errors());
        HouseholdQr.Card c = reading.card();
        return new HouseholdCard(errors, c.communeId(), c.householdCode(), c.issued(), c.keyId(), c.serial(),
                reading.expired() && errors.size() == 1);
    }
}
