package vn.giadinhso.kiosk.identity;

import java.util.List;

/**
 * The outcome of reading one payload. Always returned, never thrown: a cheap reader may send
 * anything and the kiosk must keep running, so problems travel as {@link #errors()}.
 */
public sealed interface Identification permits HouseholdCard, CitizenQr, MrzCard, Unrecognised {

    PayloadKind kind();

    /** Human-readable reasons the payload cannot be trusted; empty when it can. */
    List<String> errors();

    default boolean valid() {
        return errors().isEmpty();
    }
}
