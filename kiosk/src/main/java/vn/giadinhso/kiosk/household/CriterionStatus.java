package vn.giadinhso.kiosk.household;

/** A criterion's state for one household, as the hub reports it (plus local DECLARED). */
public enum CriterionStatus {
    MET,
    PRACTISED,
    DECLARED,
    NOT_MET,
    NOT_APPLICABLE;

    /** Missing criteria come first on the status screen: what to do next matters most. */
    public int displayOrder() {
        return switch (this) {
            case NOT_MET -> 0;
            case DECLARED -> 1;
            case PRACTISED -> 2;
            case MET -> 3;
            case NOT_APPLICABLE -> 4;
        };
    }
}
