package vn.giadinhso.kiosk.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of the 12-digit personal ID number {@code PPP G YY NNNNNN}. There is no check digit, so
 * the only defence against a misread is that the number agrees with the birth date and sex.
 */
final class CitizenIdNumber {

    static final int LENGTH = 12;
    private static final int FIRST_PROVINCE = 1;
    private static final int LAST_PROVINCE = 96;

    private CitizenIdNumber() {
    }

    static boolean isTwelveDigits(String s) {
        return s != null && s.length() == LENGTH && allAsciiDigits(s);
    }

    static boolean allAsciiDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Problems with the number on its own; empty if it is well formed. */
    static List<String> structureErrors(String id) {
        List<String> errors = new ArrayList<>();
        if (!isTwelveDigits(id)) {
            errors.add("ID number must be 12 digits, got " + describeShape(id));
            return errors;
        }
        int province = Integer.parseInt(id.substring(0, 3));
        if (province < FIRST_PROVINCE || province > LAST_PROVINCE) {
            errors.add(String.format("ID number province code %03d is outside 001–096", province));
        }
        return errors;
    }

    /** The century the G digit names: 0/1 1900, 2/3 2000, 4/5 2100, 6/7 2200, 8/9 1800. */
    static int century(String id) {
        int g = id.charAt(3) - '0';
        return switch (g / 2) {
            case 0 -> 1900;
            case 1 -> 2000;
            case 2 -> 2100;
            case 3 -> 2200;
            default -> 1800;
        };
    }

    static Sex sex(String id) {
        return (id.charAt(3) - '0') % 2 == 0 ? Sex.MALE : Sex.FEMALE;
    }

    static int birthYear(String id) {
        return century(id) + Integer.parseInt(id.substring(4, 6));
    }

    /** Disagreements between a well-formed number and the card's birth date and sex. */
    static List<String> agreementErrors(String id, LocalDate dateOfBirth, Sex sex) {
        List<String> errors = new ArrayList<>();
        if (!isTwelveDigits(id)) {
            return errors;
        }
        if (dateOfBirth != null && birthYear(id) != dateOfBirth.getYear()) {
            errors.add("ID number century/year digits (" + id.substring(3, 6) + ") mean birth year "
                    + birthYear(id) + " but the date of birth is in " + dateOfBirth.getYear());
        }
        if (sex != null && sex(id) != sex) {
            errors.add("ID number century/sex digit " + id.charAt(3) + " means " + sex(id)
                    + " but the card says " + sex);
        }
        return errors;
    }

    // Describes what was received without echoing it: it may be most of an ID number.
    private static String describeShape(String s) {
        if (s == null || s.isEmpty()) {
            return "an empty field";
        }
        return s.length() + " characters" + (allAsciiDigits(s) ? "" : " including non-digits");
    }
}
