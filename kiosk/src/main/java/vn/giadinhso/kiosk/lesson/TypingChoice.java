package vn.giadinhso.kiosk.lesson;

/**
 * Which typing method the resident at the kiosk picked, kept from lesson to lesson while they
 * stay and forgotten when the kiosk goes back to its welcome screen (the next person starts with
 * the commonest method, Telex: Gboard's and Laban Key's default).
 */
public final class TypingChoice {

    public static final TypingMethod DEFAULT = TypingMethod.TELEX;

    private TypingMethod method = DEFAULT;

    public TypingMethod method() {
        return method;
    }

    public void choose(TypingMethod chosen) {
        method = chosen;
    }

    public void forget() {
        method = DEFAULT;
    }
}
