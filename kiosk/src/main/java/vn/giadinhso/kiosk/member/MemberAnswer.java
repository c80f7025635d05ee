package vn.giadinhso.kiosk.member;

/** A resident's answer to a question about themselves: "Đã kích hoạt" / "Chưa" / "Không rõ". */
public enum MemberAnswer {
    YES("yes"),
    NO("no"),
    UNSURE("unsure");

    private final String wire;

    MemberAnswer(String wire) {
        this.wire = wire;
    }

    /** As the {@code member.declared} event spells it. */
    public String wire() {
        return wire;
    }
}
