package vn.giadinhso.kiosk.identity;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.protocol.CitizenIdNumber;

/**
 * Parses the QR on a CCCD / Căn cước card:
 * {@code id|oldId|name|dob ddMMyyyy|Nam/Nữ|address|issue date ddMMyyyy} plus, on cards from
 * mid-2024, extra trailing fields. Never logs: every field here is personal data.
 */
final class CccdQrParser {

    static final int MIN_FIELDS = 7;

    private final Clock clock;

    CccdQrParser(Clock clock) {
        this.clock = clock;
    }

    CitizenQr parse(String text) {
        List<String> errors = new ArrayList<>();
        MangledText.reason(text).ifPresent(errors::add);
        String[] f = text.split("\\|", -1);
        if (f.length < MIN_FIELDS) {
            errors.add("citizen ID QR needs at least " + MIN_FIELDS + " fields separated by '|', got "
                    + f.length);
            return new CitizenQr(errors, null, null, null, null, null, null, null);
        }
        LocalDate today = LocalDate.now(clock);

        String id = f[0].strip();
        CitizenIdNumber.problem(id).ifPresent(errors::add);
        String validId = CitizenIdNumber.isTwelveDigits(id) ? id : null;

        String oldId = f[1].strip();
        if (!oldId.isEmpty() && !(CitizenIdNumber.allAsciiDigits(oldId)
                && (oldId.length() == 9 || oldId.length() == 12))) {
            errors.add("old ID (CMND) number must be empty, 9 or 12 digits, got " + oldId.length()
                    + " characters");
        }

        String name = nfc(f[2]).strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            errors.add("full name is empty");
        } else if (!looksLikeName(name)) {
            errors.add("full name contains characters that are not letters");
        }

        LocalDate dob = date(f[3], "date of birth", errors);
        if (dob != null && dob.isAfter(today)) {
            errors.add("date of birth " + dob + " is in the future");
        }

        Sex sex = sex(nfc(f[4]).strip(), errors);

        String address = nfc(f[5]).strip();
        if (address.isEmpty()) {
            errors.add("address is empty");
        }

        LocalDate issued = date(f[6], "issue date", errors);
        if (issued != null && issued.isAfter(today)) {
            errors.add("issue date " + issued + " is in the future");
        }
        if (issued != null && dob != null && issued.isBefore(dob)) {
            errors.add("issue date " + issued + " is before the date of birth");
        }

        if (validId != null) {
            errors.addAll(CitizenIdNumber.disagreements(validId, dob, sex == null ? null : sex == Sex.FEMALE));
        }
        return new CitizenQr(errors, validId, oldId.isEmpty() ? null : oldId,
                name.isEmpty() ? null : name, dob, sex, address.isEmpty() ? null : address, issued);
    }

    private static LocalDate date(String field, String what, List<String> errors) {
        Optional<LocalDate> d = CardDate.ddMMyyyy(field.strip());
        if (d.isEmpty()) {
            errors.add(what + " '" + field.strip() + "' is not a real date in ddMMyyyy form");
            return null;
        }
        return d.get();
    }

    private static Sex sex(String field, List<String> errors) {
        if (field.equalsIgnoreCase("Nam")) {
            return Sex.MALE;
        }
        if (field.equalsIgnoreCase("Nữ")) {
            return Sex.FEMALE;
        }
        errors.add("sex must be 'Nam' or 'Nữ', got '" + field + "'");
        return null;
    }

    // Names come in many scripts' worth of diacritics; what matters is no digits or symbols.
    private static boolean looksLikeName(String name) {
        return name.codePoints().allMatch(cp -> Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                || cp == ' ' || cp == '\'' || cp == '-' || cp == '.' || cp == '’');
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
