package vn.giadinhso.kiosk.screen;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.giadinhso.kiosk.lesson.LessonLibrary;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.member.MemberAnswer;
import vn.giadinhso.kiosk.member.MemberClaims;
import vn.giadinhso.kiosk.scan.Lookup;
import vn.giadinhso.kiosk.scan.MatchedMember;

/**
 * "Ông/bà đã kích hoạt tài khoản định danh điện tử VNeID mức 2 chưa?" (issue 15): asked of the
 * person a citizen ID card named, once their household is found, and not again the same day once
 * answered. Never after a household QR card, which names no person. Holds who is being asked
 * (personal data: the navigator clears it when the kiosk goes idle). No time limit of its own.
 */
public final class MemberQuestionModel {

    /** Where answers are recorded: {@code member.declared} through the outbox, and today's note. */
    public interface Answers {
        boolean answeredToday(MatchedMember member, String claim);

        /** False when this person's answer was already recorded today (nothing is recorded again). */
        boolean declare(MatchedMember member, String claim, MemberAnswer answer);
    }

    private final Answers answers;
    private final Supplier<LessonLibrary> library;
    private MatchedMember member;
    private MemberAnswer answer;

    public MemberQuestionModel(Answers answers, Supplier<LessonLibrary> library) {
        this.answers = answers;
        this.library = library;
    }

    /** After a scan: whether to ask the person it named (and remember whom until answered or cleared). */
    boolean ask(Lookup scan) {
        clear();
        Optional<MatchedMember> who = scan.member();
        if (who.isEmpty() || answers.answeredToday(who.get(), MemberClaims.VNEID_LEVEL2)) {
            return false;
        }
        member = who.get();
        return true;
    }

    /** One of the three answer buttons; a second touch after the first changes nothing. */
    boolean answer(MemberAnswer given) {
        if (member == null || answer != null) {
            return false;
        }
        answers.declare(member, MemberClaims.VNEID_LEVEL2, given);
        answer = given;
        return true;
    }

    /** Whether someone is being asked (or was just asked) now. */
    public boolean active() {
        return member != null;
    }

    /** Empty while the question waits for an answer. */
    public Optional<MemberAnswer> answer() {
        return Optional.ofNullable(answer);
    }

    /** After "Chưa" or "Không rõ": the practice lessons for VNeID level 2 in the lesson packs. */
    public List<LessonPack> lessons() {
        return answer == null || answer == MemberAnswer.YES ? List.of()
                : library.get().forCriterion(MemberClaims.VNEID_LEVEL2_CRITERION);
    }

    void clear() {
        member = null;
        answer = null;
    }

    /** The question and its answers, then what follows an answer. Never a name. */
    public List<Spoken> spoken() {
        if (member == null) {
            return List.of();
        }
        if (answer == null) {
            return List.of(Spoken.of("member.vneid.question"), Spoken.of("member.vneid.spoken"));
        }
        return answer == MemberAnswer.YES ? List.of(Spoken.of("member.vneid.thanks"), Spoken.of("member.vneid.yes"))
                : List.of(Spoken.of("member.vneid.thanks"), Spoken.of("member.vneid.offer"));
    }
}
