package vn.giadinhso.kiosk.member;

/** What a person can declare about themselves at the kiosk (the {@code claim} of {@code member.declared}). */
public final class MemberClaims {

    /** "Ông/bà đã kích hoạt tài khoản định danh điện tử VNeID mức 2 chưa?" */
    public static final String VNEID_LEVEL2 = "vneid.level2";

    /** The household criterion the claim is about, whose practice lessons a "no" is offered. */
    public static final String VNEID_LEVEL2_CRITERION = "vneid-level2";

    private MemberClaims() {
    }
}
