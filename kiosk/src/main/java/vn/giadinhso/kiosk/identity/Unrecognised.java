package vn.giadinhso.kiosk.identity;

import java.util.List;

/** A payload that is none of the known kinds, or was refused before parsing (too long, empty). */
public record Unrecognised(List<String> errors) implements Identification {

    public Unrecognised {
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an unrecognised payload needs a reason");
        }
    }

    public static Unrecognised because(String reason) {
        return new Unrecognised(List.of(reason));
    }

    @Override
    public PayloadKind kind() {
        return PayloadKind.UNKNOWN;
    }
}
