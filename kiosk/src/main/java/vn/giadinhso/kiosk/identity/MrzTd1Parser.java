package vn.giadinhso.kiosk.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.protocol.CitizenIdNumber;

/**
 * Parses the three 30-character lines of an ICAO 9303 TD1 MRZ as printed on Vietnamese citizen
 * ID cards: document number = last 9 digits of the ID, the full 12-digit ID in the optional data
 * (positions 16–27 of line 1). Never logs: every field here is personal data.
 */
final class MrzTd1Parser {

    static final int LINE_LENGTH = 30;

    private final Clock clock;

    MrzTd1Parser(Clock clock) {
        this.clock = clock;
    }

    MrzCard parse(List<String> lines) {
        List<String> errors = new ArrayList<>();
        if (lines.size() != 3) {
            errors.add("TD1 MRZ has 3 lines, got " + lines.size());
            return empty(errors);
        }
        for (int i = 0; i < 3; i++) {
            String line = lines.get(i);
            if (line.length() != LINE_LENGTH) {
                errors.add("MRZ line " + (i + 1) + " has " + line.length() + " characters, expected 30");
            }
            for (int j = 0; j < line.length(); j++) {
                if (MrzCheckDigit.value(line.charAt(j)) < 0) {
                    errors.add("MRZ line " + (i + 1) + " has a character outside A–Z, 0–9 and '<' at position "
                            + (j + 1));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            return empty(errors);
        }
        String l1 = lines.get(0);
        String l2 = lines.get(1);
        String l3 = lines.get(2);

        if (l1.charAt(0) != 'I') {
            errors.add("document code '" + l1.substring(0, 2) + "' is not an identity card (I…)");
        }
        String issuer = l1.substring(2, 5);
        if (!issuer.equals("VNM")) {
            errors.add("issuing state is " + issuer.replace('<', ' ').strip() + ", not VNM");
        }
        String documentNumber = l1.substring(5, 14);
        if (!MrzCheckDigit.matches(documentNumber, l1.charAt(14))) {
            errors.add("document number check digit does not match");
        }
        String id = l1.substring(15, 27);
        if (!CitizenIdNumber.isTwelveDigits(id)) {
            errors.add("optional data (line 1 positions 16–27) does not hold a 12-digit ID number");
            id = null;
        } else {
            CitizenIdNumber.problem(id).ifPresent(errors::add);
            if (!id.substring(3).equals(documentNumber)) {
                errors.add("document number is not the last 9 digits of the ID number");
            }
        }

        String dobField = l2.substring(0, 6);
        if (!MrzCheckDigit.matches(dobField, l2.charAt(6))) {
            errors.add("date of birth check digit does not match");
        }
        LocalDate dob = birthDate(dobField, id).orElse(null);
        if (dob == null) {
            errors.add("date of birth '" + dobField + "' is not a real date in YYMMDD form");
        } else if (dob.isAfter(LocalDate.now(clock))) {
            errors.add("date of birth " + dob + " is in the future");
        }

        Sex sex = switch (l2.charAt(7)) {
            case 'M' -> Sex.MALE;
            case 'F' -> Sex.FEMALE;
            default -> {
                errors.add("sex must be M or F, got '" + l2.charAt(7) + "'");
                yield null;
            }
        };

        String expiryField = l2.substring(8, 14);
        if (!MrzCheckDigit.matches(expiryField, l2.charAt(14))) {
            errors.add("expiry date check digit does not match");
        }
        LocalDate expiry = null;
        if (!expiryField.equals("<<<<<<")) {
            expiry = yymmdd(expiryField, 2000).orElse(null);
            if (expiry == null) {
                errors.add("expiry date '" + expiryField + "' is not a real date in YYMMDD form");
            }
        }

        String nationality = l2.substring(15, 18).replace("<", "");
        if (nationality.isEmpty()) {
            errors.add("nationality is empty");
        }

        String composite = l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
        if (!MrzCheckDigit.matches(composite, l2.charAt(29))) {
            errors.add("composite check digit does not match");
        }

        String name = name(l3);
        if (name.isEmpty()) {
            errors.add("name line is empty");
        }
        if (id != null) {
            errors.addAll(CitizenIdNumber.disagreements(id, dob, sex == null ? null : sex == Sex.FEMALE));
        }
        return new MrzCard(errors, id, documentNumber.replace("<", ""), name.isEmpty() ? null : name, dob,
                sex, expiry, nationality.isEmpty() ? null : nationality);
    }

    // YYMMDD loses the century; the ID's century digit restores it, else assume the last 100 years.
    private Optional<LocalDate> birthDate(String yymmdd, String id) {
        if (!CitizenIdNumber.allAsciiDigits(yymmdd)) {
            return Optional.empty();
        }
        if (id != null) {
            return yymmdd(yymmdd, CitizenIdNumber.century(id));
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int thisYear = LocalDate.now(clock).getYear() % 100;
        return yymmdd(yymmdd, yy > thisYear ? 1900 : 2000);
    }

    private static Optional<LocalDate> yymmdd(String s, int century) {
        if (!CitizenIdNumber.allAsciiDigits(s)) {
            return Optional.empty();
        }
        return CardDate.of(century + Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)),
                Integer.parseInt(s.substring(4, 6)));
    }

    /** {@code SURNAME<<GIVEN<NAMES<<<} → {@code SURNAME GIVEN NAMES}. */
    private static String name(String line) {
        String trimmed = line.replaceAll("<+$", "");
        int split = trimmed.indexOf("<<");
        String surname = split < 0 ? trimmed : trimmed.substring(0, split);
        String given = split < 0 ? "" : trimmed.substring(split + 2);
        return (surname.replace('<', ' ').strip() + " " + given.replace('<', ' ').strip())
                .strip().replaceAll(" +", " ");
    }

    private static MrzCard empty(List<String> errors) {
        return new MrzCard(errors, null, null, null, null, null, null, null);
    }
}
