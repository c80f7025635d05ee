package vn.giadinhso.kiosk.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * A household QR card (docs/household-qr.md). Fields that could not be read are null; a card
 * whose signature was not checked (no hub key) carries an error and is therefore not valid.
 * {@code serial} is 0 for a first-version card; {@code expired} marks a card whose only fault is
 * that its signing key's {@code validUntil} has passed.
 */
public record HouseholdCard(
        List<String> errors, String communeId, String householdCode, LocalDate issued, String keyId, int serial,
        boolean expired)
        implements Identification {

    public HouseholdCard {
        errors = List.copyOf(errors);
    }

    @Override
    public PayloadKind kind() {
        return PayloadKind.HOUSEHOLD_QR;
    }
}
