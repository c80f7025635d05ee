package vn.giadinhso.kiosk.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * The machine-readable zone (ICAO 9303 TD1) on the back of a citizen ID card. {@code expiryDate}
 * is null for cards issued without an expiry date. Fields that could not be read are null.
 */
public record MrzCard(
        List<String> errors,
        String idNumber,
        String documentNumber,
        String fullName,
        LocalDate dateOfBirth,
        Sex sex,
        LocalDate expiryDate,
        String nationality)
        implements Identification {

    public MrzCard {
        errors = List.copyOf(errors);
    }

    @Override
    public PayloadKind kind() {
        return PayloadKind.MRZ;
    }

    // The ID number and name are personal data: a stray log line must not carry them.
    @Override
    public String toString() {
        return "MrzCard[valid=" + valid() + ", errors=" + errors() + ", idNumber="
                + Redaction.idNumber(idNumber) + ", personal fields redacted]";
    }
}
