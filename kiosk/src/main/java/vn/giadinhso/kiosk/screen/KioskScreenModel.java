package vn.giadinhso.kiosk.screen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.household.Household;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.language.Language;
import vn.giadinhso.kiosk.lesson.LessonSession;
import vn.giadinhso.kiosk.member.MemberAnswer;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.scan.ScanResult;

/**
 * The navigator: which screen shows, the language, and the idle countdown that clears personal
 * data off the screen. What each screen shows and does lives in its own model ({@link Screens});
 * this class only moves between them. Plain Java, tests drive it without a screen. Not
 * thread-safe by design: the UI calls it on its one thread (reader frames and sync changes are
 * handed over to that thread first).
 */
public final class KioskScreenModel {

    /** Seconds of the "are you still there?" countdown after the idle time. */
    public static final int COUNTDOWN_SECONDS = 10;

    /**
     * Idle time before the countdown on the lesson screen. Much longer than elsewhere: a slow
     * reader, or someone listening to the narration twice, must not be asked "Bạn còn ở đây
     * không?" and lose the lesson mid-step. Still finite, because a household's name and
     * progress must leave the screen when they walk away. Never shorter than the normal idle
     * time (see {@link #idleLimit()}); progress is saved per step, so a reset loses nothing.
     */
    public static final Duration LESSON_IDLE = Duration.ofMinutes(5);

    private final Screens screens;
    private final Cards cards;
    private final Supplier<ConnectionState> connection;
    private final Clock clock;
    private final Duration idleAfter;
    private final LanguageOnScreen language;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionState>> connectionListeners = new CopyOnWriteArrayList<>();

    private Screen screen = Screen.WELCOME;
    private Instant lastTouch;
    private Screen beforeSupport = Screen.WELCOME;
    private Optional<Integer> shownCountdown = Optional.empty();
    private ConnectionState shownConnection;

    /** Vietnamese and English only. */
    public KioskScreenModel(Screens screens, Cards cards, Supplier<ConnectionState> connection, Clock clock,
            Duration idleAfter) {
        this(screens, cards, connection, clock, idleAfter, LanguageOnScreen.builtIn());
    }

    public KioskScreenModel(Screens screens, Cards cards, Supplier<ConnectionState> connection, Clock clock,
            Duration idleAfter, LanguageOnScreen language) {
        this.language = language;
        this.screens = screens;
        this.cards = cards;
        this.connection = connection;
        this.clock = clock;
        this.idleAfter = idleAfter;
        this.lastTouch = clock.instant();
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Told when the hub or reader indicator changes, without redrawing the whole screen. */
    public void onConnectionChange(Consumer<ConnectionState> listener) {
        connectionListeners.add(listener);
    }

    // ---- the screens

    public WelcomeModel welcome() {
        return screens.welcome();
    }

    public StatusModel status() {
        return screens.status();
    }

    public PracticeModel practice() {
        return screens.practice();
    }

    public LessonModel lessonModel() {
        return screens.lesson();
    }

    public SupportModel support() {
        return screens.support();
    }

    public StaffPinModel staffPin() {
        return screens.staffPin();
    }

    public StaffModel staff() {
        return screens.staff();
    }

    public AttendanceModel attendance() {
        return screens.attendance();
    }

    public MemberQuestionModel memberQuestion() {
        return screens.member();
    }

    // ---- what the screen shows

    public Screen screen() {
        return screen;
    }

    public Locale locale() {
        return language.locale();
    }

    /** The language on screen now: every string, lesson text and narration goes through it. */
    public Language language() {
        return language.language();
    }

    /** Vietnamese, English, then each installed language pack. */
    public List<Language> languages() {
        return language.available();
    }

    public Optional<Household> household() {
        return screens.status().household();
    }

    public Optional<LessonSession> lesson() {
        return screens.lesson().lesson();
    }

    public ConnectionState connection() {
        return connection.get();
    }

    /** Seconds left in the "are you still there?" countdown, or empty while not counting down. */
    public Optional<Integer> countdown() {
        if (!holdsPersonalData()) {
            return Optional.empty();
        }
        long idle = Duration.between(lastTouch, clock.instant()).toSeconds();
        long afterIdle = idle - idleLimit().toSeconds();
        return afterIdle < 0 ? Optional.empty() : Optional.of((int) Math.max(0, COUNTDOWN_SECONDS - afterIdle));
    }

    /** How long without a touch before the countdown starts on the screen shown now. */
    public Duration idleLimit() {
        return screen == Screen.LESSON && LESSON_IDLE.compareTo(idleAfter) > 0 ? LESSON_IDLE : idleAfter;
    }

    /**
     * What the kiosk says aloud for what is on screen now: every instruction is spoken as well as
     * shown, for residents who do not read easily. Only counts, never a name.
     */
    public List<Spoken> spoken() {
        if (countdown().isPresent()) {
            return List.of(Spoken.of("idle.question"), Spoken.of("idle.stay.spoken"));
        }
        return switch (screen) {
            case WELCOME -> screens.welcome().spoken();
            case STATUS -> screens.status().spoken();
            case MEMBER_QUESTION -> screens.member().spoken();
            case NOT_FOUND -> List.of(Spoken.of("notFound.title"), Spoken.of("notFound.text"));
            case ASK_HOUSEHOLD_CARD -> List.of(Spoken.of("ambiguous.title"), Spoken.of("ambiguous.text"));
            case UNREADABLE -> List.of(Spoken.of("unreadable.title"), Spoken.of("unreadable.text"));
            case CARD_REVOKED -> List.of(Spoken.of("revoked.title"), Spoken.of("revoked.text"));
            case CARD_EXPIRED -> List.of(Spoken.of("expired.title"), Spoken.of("expired.text"));
            case SUPPORT -> screens.support().spoken();
            case SUPPORT_SENT -> screens.support().spokenSent();
            case STAFF_PIN -> screens.staffPin().spoken();
            case STAFF -> List.of();
            case ATTENDANCE -> screens.attendance().spoken();
            case OPEN_SESSION -> List.of(Spoken.of("openSession.title"));
            case PRACTICE -> screens.practice().spoken();
            default -> List.of();
        };
    }

    // ---- what a resident or staff member does

    /** Any touch anywhere restarts the idle time; it does not redraw (a redraw would eat the touch). */
    public void noteTouch() {
        lastTouch = clock.instant();
    }

    private void touch() {
        lastTouch = clock.instant();
        changed();
    }

    /** "Tôi vẫn ở đây" on the countdown. */
    public void stay() {
        touch();
    }

    public void switchLanguage(Locale to) {
        language.switchTo(to);
        touch();
    }

    /**
     * The roster, schedule or lesson packs changed (a sync): redraw, so the screen follows the
     * data without waiting for the next scan. A household on screen is read again.
     */
    public void dataChanged() {
        screens.status().refresh();
        changed();
    }

    /** A card was read. In attendance mode it checks the person in; otherwise it shows their household. */
    public void scanned(String payload) {
        scanned(cards.identify(payload));
    }

    public void scanned(Identification id) {
        lastTouch = clock.instant();
        ScanOutcome scan = cards.scan(id);
        AttendanceModel attendance = screens.attendance();
        if (screen == Screen.ATTENDANCE && attendance.open()) {
            attendance.checkIn(scan);
            changed();
            return;
        }
        if (scan.result() == ScanResult.FOUND) {
            screens.status().show(scan.household().orElseThrow());
            // Their own ID card names the person: ask them about themselves first (once a day).
            screen = screens.member().ask(scan.lookup()) ? Screen.MEMBER_QUESTION : Screen.STATUS;
        } else {
            screens.status().clear();
            screens.member().clear();
            screen = switch (scan.result()) {
                case INVALID -> Screen.UNREADABLE;
                case AMBIGUOUS -> Screen.ASK_HOUSEHOLD_CARD;
                case REVOKED -> Screen.CARD_REVOKED;
                case EXPIRED -> Screen.CARD_EXPIRED;
                default -> Screen.NOT_FOUND;
            };
        }
        changed();
    }

    /** "Tôi đã làm được": recorded as DECLARED for staff to verify. */
    public void declare(String criterionId) {
        if (screens.status().declare(criterionId)) {
            touch();
        }
    }

    /** "Đã kích hoạt" / "Chưa" / "Không rõ" on the question to the person whose card was scanned. */
    public void answerMemberQuestion(MemberAnswer answer) {
        if (screen == Screen.MEMBER_QUESTION && screens.member().answer(answer)) {
            touch();
        }
    }

    /** From the question (answered or not) to the household's status. */
    public void showHousehold() {
        if (household().isPresent()) {
            screens.member().clear();
            screen = Screen.STATUS;
            touch();
        }
    }

    public void openSupport() {
        if (screen != Screen.SUPPORT && screen != Screen.SUPPORT_SENT) {
            beforeSupport = screen;
            screens.support().clear();
        }
        screen = Screen.SUPPORT;
        touch();
    }

    /** A digit on the support screen's keypad. */
    public void pressDigit(int digit) {
        screens.support().press(digit);
        touch();
    }

    /** "Xoá" on the support screen's keypad: the last digit. */
    public void deleteDigit() {
        screens.support().delete();
        touch();
    }

    /**
     * A topic touched on the support screen: sent with the number on the keypad, if any. A number
     * that is not a phone number is explained (and spoken) instead; nothing is sent until it is
     * corrected or deleted.
     */
    public void requestSupport(String topic) {
        if (screens.support().send(topic, household().map(Household::code).orElse(null))) {
            screen = Screen.SUPPORT_SENT;
        }
        touch();
    }

    /** As {@link #requestSupport(String)}, with the number given instead of typed on the keypad. */
    public void requestSupport(String topic, String phone) {
        screens.support().typed(phone);
        requestSupport(topic);
    }

    public void back() {
        screen = screen == Screen.SUPPORT || screen == Screen.SUPPORT_SENT ? beforeSupport : Screen.WELCOME;
        if (screen == Screen.STATUS && household().isEmpty()) {
            screen = Screen.WELCOME;
        }
        if (screen == Screen.MEMBER_QUESTION && !screens.member().active()) {
            screen = household().isPresent() ? Screen.STATUS : Screen.WELCOME;
        }
        touch();
    }

    public void openStaff() {
        screens.staffPin().reset();
        clearPersonalData();
        screen = Screen.STAFF_PIN;
        touch();
    }

    public void enterPin(String attempt) {
        if (screens.staffPin().enter(attempt)) {
            screen = Screen.STAFF;
        }
        touch();
    }

    public void startAttendance(Session session) {
        screens.attendance().start(session);
        screen = Screen.ATTENDANCE;
        touch();
    }

    // ---- an unscheduled session, opened by staff (issue 13)

    /** Staff menu → the topics to open an unscheduled session on. */
    public void chooseSessionTopic() {
        screen = Screen.OPEN_SESSION;
        touch();
    }

    /** Opens a session on the topic now and takes attendance for it, as for a scheduled one. */
    public void openSession(String topic) {
        startAttendance(screens.staff().unscheduled().open(topic));
    }

    /** Whether the session attendance is taken for was opened here, so staff may close it. */
    public boolean attendanceSessionClosable() {
        return screens.attendance().session().map(screens.staff().unscheduled()::closable).orElse(false);
    }

    /** Ends the session opened here now, and goes back to the staff menu. */
    public void closeAttendanceSession() {
        screens.attendance().session().ifPresent(screens.staff().unscheduled()::close);
        backToStaffMenu();
    }

    /** From a staff sub-screen back to the staff menu (no PIN again). */
    public void backToStaffMenu() {
        screens.attendance().stop();
        screen = Screen.STAFF;
        touch();
    }

    public void leaveStaff() {
        screens.attendance().stop();
        screen = Screen.WELCOME;
        touch();
    }

    /**
     * "Thực hành" on the welcome screen: practice without a card. Anonymous by construction (no
     * household is on screen, and none is kept), so its events carry no household code.
     */
    public void openPractice() {
        clearPersonalData();
        screen = Screen.PRACTICE;
        touch();
    }

    /** Opens (or resumes) a lesson for the household on screen, or for nobody in particular. */
    public void startLesson(String lessonId) {
        if (screens.lesson().open(lessonId, household().map(Household::code).orElse(null))) {
            screens.member().clear(); // the lesson's end leads to the household's status, not back to the question
            screen = Screen.LESSON;
            touch();
        }
    }

    /**
     * "Dừng, lát học tiếp" or the end of a lesson: back to the household (status refreshed), or,
     * practising without a card, back to the list of lessons to pick another.
     */
    public void leaveLesson() {
        screens.lesson().close();
        screens.status().refresh();
        screen = household().isEmpty() ? Screen.PRACTICE : Screen.STATUS;
        touch();
    }

    /** Called every second by the view: runs the idle countdown and the reset. */
    public void tick() {
        ConnectionState now = connection();
        if (!now.equals(shownConnection)) {
            shownConnection = now;
            connectionListeners.forEach(l -> l.accept(now));
        }
        Optional<Integer> left = countdown();
        if (left.isPresent() && left.get() == 0) {
            // Whoever practised without a card has walked away: the next person starts afresh.
            // (A household's progress stays saved, so re-scanning the card resumes it.)
            screens.lesson().forget();
            clearPersonalData();
            screen = Screen.WELCOME;
            screens.attendance().stop();
            shownCountdown = Optional.empty();
            changed();
        } else if (!left.equals(shownCountdown)) {
            // Redraw only when the countdown appears, moves or goes: a redraw every second
            // would wipe what someone is typing.
            shownCountdown = left;
            changed();
        }
    }

    /** Whether anything about a person is on screen (or in memory for it). */
    public boolean holdsPersonalData() {
        return household().isPresent() || screens.attendance().lastCheckIn().isPresent() || screen != Screen.WELCOME;
    }

    private void clearPersonalData() {
        screens.status().clear();
        screens.member().clear();
        screens.lesson().close();
        screens.attendance().clearLast();
        screens.support().clear();
        beforeSupport = Screen.WELCOME;
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
