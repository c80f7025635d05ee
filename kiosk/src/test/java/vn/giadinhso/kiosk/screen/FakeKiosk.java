package vn.giadinhso.kiosk.screen;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.household.CriterionState;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.kiosk.household.Household;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.identity.Unrecognised;
import vn.giadinhso.kiosk.lesson.LessonLibrary;
import vn.giadinhso.kiosk.lesson.ShippedPacks;
import vn.giadinhso.kiosk.member.MemberAnswer;
import vn.giadinhso.kiosk.scan.Lookup;
import vn.giadinhso.kiosk.scan.MatchedMember;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.scan.ScanResult;
import vn.giadinhso.kiosk.ui.MutableClock;

/**
 * The screen models over in-memory stand-ins for the roster, schedule, lessons, attendance book and
 * outbox: no window, no hub, no database. Scanning "HH-1" finds household HH-1; anything else is
 * not found; "garbage" is unreadable.
 */
final class FakeKiosk {

    static final Duration IDLE = Duration.ofSeconds(60);
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Scanned as "id-card:HH-1": a member's own citizen ID card, matched to HH-1. */
    static final String ID_CARD = "id-card:";
    static final String SEALED = "AVNlYWxlZC1ib3gtZm9yLXRoZS1odWI=";
    static final String PERSON = "m:9829:nguyen v. an";

    final MutableClock clock = new MutableClock();
    final AtomicReference<LessonLibrary> library = new AtomicReference<>(LessonLibrary.empty());
    final Map<String, Household> households = new HashMap<>();
    final List<Session> sessions = new ArrayList<>();
    final List<String> declared = new ArrayList<>();
    final List<String> viewed = new ArrayList<>();
    final List<List<String>> supportRequests = new ArrayList<>();
    final Map<String, Integer> checkedIn = new HashMap<>();
    final List<String> opened = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    /** "household/claim/answer" of each member.declared. */
    final List<String> memberDeclared = new ArrayList<>();
    final java.util.Set<String> answeredOn = new java.util.HashSet<>();
    boolean walkUpForgotten;
    final KioskScreenModel model;
    final StaffPin pin;

    FakeKiosk(Path tmp) {
        households.put("HH-1", household("HH-1", CriterionStatus.NOT_MET));
        sessions.add(new Session("s1", clock.instant().plusSeconds(3600), clock.instant().plusSeconds(7200),
                "Nhà văn hoá", "VNeID", "Chị Hoa"));
        pin = new StaffPin(new StaffPinFile(tmp), 3, Duration.ofMinutes(5), clock);
        Screens screens = new Screens(
                new WelcomeModel(() -> List.copyOf(sessions), library::get, ZONE),
                new StatusModel(code -> Optional.ofNullable(households.get(code)), Optional::empty,
                        (code, criterion) -> {
                            declared.add(code + "/" + criterion);
                            households.put(code, household(code, CriterionStatus.DECLARED));
                        },
                        h -> viewed.add(h.code()), library::get, PhoneSteps.national()),
                new PracticeModel(library::get),
                new LessonModel(library::get, (pack, code) -> null, () -> walkUpForgotten = true),
                new SupportModel((topic, phone, code) -> supportRequests.add(java.util.Arrays.asList(topic, phone, code))),
                new StaffPinModel(pin),
                new StaffModel(null, () -> List.copyOf(sessions), ZONE, new UnscheduledSessionModel(
                        new UnscheduledSessionModel.Sessions() {
                            @Override
                            public List<String> topics() {
                                return sessions.stream().map(Session::topic).distinct().toList();
                            }

                            @Override
                            public Session open(String topic) {
                                Session s = new Session("here-" + opened.size(), clock.instant(),
                                        clock.instant().plus(Duration.ofHours(2)), "Nhà văn hoá", topic, null);
                                opened.add(s.id());
                                sessions.add(s);
                                return s;
                            }

                            @Override
                            public void close(String sessionId) {
                                closed.add(sessionId);
                            }
                        })),
                new AttendanceModel(new AttendanceModel.CheckIns() {
                    @Override
                    public CheckIn checkIn(String sessionId, ScanOutcome scan) {
                        int n = checkedIn.merge(sessionId, 1, Integer::sum);
                        return new CheckIn(CheckIn.Outcome.CHECKED_IN, n, null, scan.householdCode());
                    }

                    @Override
                    public int count(String sessionId) {
                        return checkedIn.getOrDefault(sessionId, 0);
                    }
                }),
                new MemberQuestionModel(new MemberQuestionModel.Answers() {
                    @Override
                    public boolean answeredToday(MatchedMember member, String claim) {
                        return answeredOn.contains(member.personKey() + "/" + claim + "/" + today());
                    }

                    @Override
                    public boolean declare(MatchedMember member, String claim, MemberAnswer answer) {
                        if (!answeredOn.add(member.personKey() + "/" + claim + "/" + today())) {
                            return false;
                        }
                        memberDeclared.add(member.householdCode() + "/" + claim + "/" + answer.wire());
                        return true;
                    }
                }, library::get));
        Cards cards = new Cards() {
            @Override
            public Identification identify(String payload) {
                return Unrecognised.because(payload);
            }

            @Override
            public ScanOutcome scan(Identification id) {
                String payload = ((Unrecognised) id).errors().get(0);
                // "id-card:HH-1": a member's own ID card, found in HH-1 (sealed and keyed as RosterLookup does).
                boolean ownCard = payload.startsWith(ID_CARD);
                Household h = households.get(ownCard ? payload.substring(ID_CARD.length()) : payload);
                ScanResult result = h != null ? ScanResult.FOUND : payload.equals("garbage") ? ScanResult.INVALID
                        : ScanResult.NOT_FOUND;
                return new ScanOutcome("e1", id.kind(), result != ScanResult.INVALID,
                        new Lookup("test", result, Optional.ofNullable(h), h == null ? null : h.code(),
                                ownCard ? SEALED : null, ownCard ? PERSON : null, ownCard ? "Nguyễn V. An" : null));
            }
        };
        model = new KioskScreenModel(screens, cards, () -> new ConnectionState(true, ConnectionState.Reader.NONE),
                clock, IDLE);
    }

    static Household household(String code, CriterionStatus status) {
        return new Household(code, "Thôn 1", "Hộ ông A", List.of(), List.of(), List.of(), true,
                status == CriterionStatus.MET ? 1 : 0, 1,
                List.of(new CriterionState("vneid-level2", status, null, null)));
    }

    static LessonLibrary shippedLessons() {
        return LessonLibrary.load(List.of(ShippedPacks.dir()));
    }

    void idle(Duration d) {
        clock.advance(d);
        model.tick();
    }

    java.time.LocalDate today() {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    Instant now() {
        return clock.instant();
    }
}
