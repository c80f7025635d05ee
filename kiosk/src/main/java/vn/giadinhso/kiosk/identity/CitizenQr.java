package vn.giadinhso.kiosk.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * The QR printed on a chip citizen ID card (CCCD, 2021+) or a Căn cước card (2024+).
 * Fields that could not be read are null.
 */
public record CitizenQr(
        List<String> errors,
        String idNumber,
        String oldIdNumber,
        String fullName,
        LocalDate dateOfBirth,
        Sex sex,
        String address,
        LocalDate issueDate)
        implements Identification {

    public CitizenQr {
        errors = List.copyOf(errors);
    }

    @Override
    public PayloadKind kind() {
        return PayloadKind.CCCD_QR;
    }

    // The ID number and name are personal data: a stray log line must not carry them.
    @Override
    public String toString() {
        return "CitizenQr[valid=" + valid() + ", errors=" + errors() + ", idNumber="
                + Redaction.idNumber(idNumber) + ", personal fields redacted]";
    }
}
