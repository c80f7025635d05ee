package vn.giadinhso.kiosk.screen;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.household.Household;
import vn.giadinhso.kiosk.household.Roster;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.lesson.LessonSession;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.scan.ScanResult;

/**
 * Everything the touchscreen shows and does, in plain Java: the JavaFX views only draw this
 * state and forward touches. Tests drive it without a screen. Not thread-safe by design: the UI
 * calls it on its one thread (reader frames are handed over to that thread first).
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

    public static final List<String> SUPPORT_TOPICS = List.of("vneid", "public-services", "payments", "scam", "other");

    private final KioskApp app;
    private final StaffPin pin;
    private final PhoneSteps phoneSteps;
    private final Duration idleAfter;
    private final ZoneId zone;
    private final UnscheduledSessionModel unscheduled;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionState>> connectionListeners = new CopyOnWriteArrayList<>();

    private Screen screen = Screen.WELCOME;
    private Locale locale = Locale.forLanguageTag("vi");
    private Household household;
    private Instant lastTouch;
    private Screen beforeSupport = Screen.WELCOME;
    private String pinMessage;
    private Session attendanceSession;
    private CheckIn lastCheckIn;
    private Optional<Integer> shownCountdown = Optional.empty();
    private ConnectionState shownConnection;

    public KioskScreenModel(KioskApp app, StaffPin pin, PhoneSteps phoneSteps, Duration idleAfter, ZoneId zone) {
        this.app = app;
        this.pin = pin;
        this.phoneSteps = phoneSteps;
        this.idleAfter = idleAfter;
        this.zone = zone;
        this.unscheduled = new UnscheduledSessionModel(app.unscheduled);
        this.lastTouch = app.clock.instant();
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Told when the hub or reader indicator changes, without redrawing the whole screen. */
    public void onConnectionChange(Consumer<ConnectionState> listener) {
        connectionListeners.add(listener);
    }

    // ---- what the screen shows

    public Screen screen() {
        return screen;
    }

    public Locale locale() {
        return locale;
    }

    public Optional<Household> household() {
        return Optional.ofNullable(household);
    }

    public Roster roster() {
        return app.roster;
    }

    public PhoneSteps phoneSteps() {
        return phoneSteps;
    }

    public List<Session> nextSessions() {
        return app.schedule.upcoming(app.clock.instant(), 3);
    }

    public List<Session> todaysSessions() {
        ZonedDateTime start = app.clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone);
        return app.schedule.between(start.toInstant(), start.plusDays(1).toInstant());
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean online() {
        // The last sync reached the hub, and the sender is not failing since. (The sender alone
        // would say "offline" until the first event is sent, even with the hub right there.)
        var sending = app.sender.status();
        boolean senderFailing = sending.lastError() != null && !sending.hubReachable();
        return app.lastSyncSucceeded() && !senderFailing;
    }

    public ConnectionState connection() {
        return new ConnectionState(online(), ConnectionState.readerOf(app.readerState()));
    }

    public String readerSummary() {
        return app.readerSummary();
    }

    public int backlog() {
        return app.sender.status().backlog();
    }

    /** Events the hub refused that this kiosk keeps aside (staff see the count; the log says why). */
    public int quarantined() {
        return app.sender.status().quarantined();
    }

    /** True when this kiosk's hub address is plain http:// on the network, so it does not sync at all. */
    public boolean insecureHub() {
        return app.hubRefusal().isPresent();
    }

    public String kioskId() {
        return app.identity.kioskId();
    }

    public String hub() {
        return app.identity.hub().toString();
    }

    public String version() {
        return KioskApp.VERSION;
    }

    public Optional<Instant> lastSync() {
        return app.lastSync();
    }

    public Optional<String> pinMessage() {
        return Optional.ofNullable(pinMessage);
    }

    public Optional<Session> attendanceSession() {
        return Optional.ofNullable(attendanceSession);
    }

    public Optional<CheckIn> lastCheckIn() {
        return Optional.ofNullable(lastCheckIn);
    }

    public int attendanceCount() {
        return attendanceSession == null ? 0 : app.attendance.count(attendanceSession.id());
    }

    /** Seconds left in the "are you still there?" countdown, or empty while not counting down. */
    public Optional<Integer> countdown() {
        if (!holdsPersonalData()) {
            return Optional.empty();
        }
        long idle = Duration.between(lastTouch, app.clock.instant()).toSeconds();
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
            case WELCOME -> List.of(Spoken.of("welcome.title"), Spoken.of("welcome.hint"));
            case STATUS -> household == null ? List.of()
                    : List.of(Spoken.of("status.spoken", household.met(), household.applicable()));
            case NOT_FOUND -> List.of(Spoken.of("notFound.title"), Spoken.of("notFound.text"));
            case ASK_HOUSEHOLD_CARD -> List.of(Spoken.of("ambiguous.title"), Spoken.of("ambiguous.text"));
            case UNREADABLE -> List.of(Spoken.of("unreadable.title"), Spoken.of("unreadable.text"));
            case CARD_REVOKED -> List.of(Spoken.of("revoked.title"), Spoken.of("revoked.text"));
            case CARD_EXPIRED -> List.of(Spoken.of("expired.title"), Spoken.of("expired.text"));
            case SUPPORT -> List.of(Spoken.of("support.title"), Spoken.of("support.spoken"));
            case SUPPORT_SENT -> List.of(Spoken.of("support.sent"));
            case STAFF_PIN -> List.of(Spoken.of("staff.pinTitle"));
            case STAFF -> List.of();
            case ATTENDANCE -> List.of(Spoken.of("attendance.scan"));
            case OPEN_SESSION -> List.of(Spoken.of("openSession.title"));
            case PRACTICE -> List.of(Spoken.of("practice.title"), Spoken.of("practice.hint"));
            default -> List.of();
        };
    }

    // ---- what a resident or staff member does

    /** Any touch anywhere restarts the idle time; it does not redraw (a redraw would eat the touch). */
    public void noteTouch() {
        lastTouch = app.clock.instant();
    }

    private void touch() {
        lastTouch = app.clock.instant();
        changed();
    }

    /** "Tôi vẫn ở đây" on the countdown. */
    public void stay() {
        touch();
    }

    public void switchLanguage(Locale to) {
        locale = to;
        touch();
    }

    /** A card was read. In attendance mode it checks the person in; otherwise it shows their household. */
    public void scanned(String payload) {
        scanned(app.classifier.identify(payload));
    }

    public void scanned(Identification id) {
        lastTouch = app.clock.instant();
        ScanOutcome scan = app.scans.scan(id);
        if (screen == Screen.ATTENDANCE && attendanceSession != null) {
            lastCheckIn = app.attendance.checkIn(attendanceSession.id(), scan);
            changed();
            return;
        }
        if (scan.result() == ScanResult.FOUND) {
            household = scan.household().orElseThrow();
            app.events.statusViewed(household.code(), household.met(), household.applicable());
            screen = Screen.STATUS;
        } else {
            household = null;
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
        if (household == null) {
            return;
        }
        app.declarations.declare(household.code(), criterionId);
        household = app.roster.byCode(household.code()).orElse(household);
        touch();
    }

    public void openSupport() {
        if (screen != Screen.SUPPORT && screen != Screen.SUPPORT_SENT) {
            beforeSupport = screen;
        }
        screen = Screen.SUPPORT;
        touch();
    }

    public void requestSupport(String topic, String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9+]", "");
        app.events.supportRequested(topic, digits.isEmpty() ? null : digits,
                household == null ? null : household.code());
        screen = Screen.SUPPORT_SENT;
        touch();
    }

    public void back() {
        screen = screen == Screen.SUPPORT || screen == Screen.SUPPORT_SENT ? beforeSupport : Screen.WELCOME;
        if (screen == Screen.STATUS && household == null) {
            screen = Screen.WELCOME;
        }
        touch();
    }

    public void openStaff() {
        pinMessage = null;
        clearPersonalData();
        screen = Screen.STAFF_PIN;
        touch();
    }

    public void enterPin(String attempt) {
        StaffPin.Answer answer = pin.check(attempt);
        switch (answer) {
            case OK -> {
                pinMessage = null;
                screen = Screen.STAFF;
            }
            case WRONG -> pinMessage = "pin.wrong";
            case LOCKED -> pinMessage = "pin.locked";
            case NOT_SET -> pinMessage = "pin.notSet";
        }
        touch();
    }

    public void startAttendance(Session session) {
        attendanceSession = session;
        lastCheckIn = null;
        screen = Screen.ATTENDANCE;
        touch();
    }

    // ---- an unscheduled session, opened by staff (issue 13)

    /** Staff menu → the topics to open an unscheduled session on. */
    public void chooseSessionTopic() {
        screen = Screen.OPEN_SESSION;
        touch();
    }

    public List<String> sessionTopics() {
        return unscheduled.topics();
    }

    /** Opens a session on the topic now and takes attendance for it, as for a scheduled one. */
    public void openSession(String topic) {
        startAttendance(unscheduled.open(topic));
    }

    /** Whether the session attendance is taken for was opened here, so staff may close it. */
    public boolean attendanceSessionClosable() {
        return attendanceSession != null && unscheduled.closable(attendanceSession);
    }

    /** Ends the session opened here now, and goes back to the staff menu. */
    public void closeAttendanceSession() {
        unscheduled.close(attendanceSession);
        attendanceSession = null;
        lastCheckIn = null;
        screen = Screen.STAFF;
        touch();
    }

    /** From a staff sub-screen back to the staff menu (no PIN again). */
    public void backToStaffMenu() {
        attendanceSession = null;
        lastCheckIn = null;
        screen = Screen.STAFF;
        touch();
    }

    public void leaveStaff() {
        attendanceSession = null;
        lastCheckIn = null;
        screen = Screen.WELCOME;
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
            app.lessons.forgetWalkUp();
            clearPersonalData();
            screen = Screen.WELCOME;
            attendanceSession = null;
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
        return household != null || lastCheckIn != null || screen != Screen.WELCOME;
    }

    private void clearPersonalData() {
        household = null;
        lesson = null;
        lastCheckIn = null;
        beforeSupport = Screen.WELCOME;
    }

    // ---- practice lessons (issue 5); progress is saved by the session, so leaving loses nothing

    private LessonSession lesson;

    public Optional<LessonSession> lesson() {
        return Optional.ofNullable(lesson);
    }

    /** Lessons that count toward a criterion, for the status screen. */
    public List<LessonPack> lessonsFor(String criterionId) {
        return app.lessons.library().forCriterion(criterionId);
    }

    public Optional<LessonPack> lessonPack(String lessonId) {
        return app.lessons.library().byId(lessonId);
    }

    public String criterionText(String criterionId) {
        return app.roster.criteriaSet().flatMap(s -> s.criterion(criterionId)).map(c -> c.text().in(locale))
                .orElse(criterionId);
    }

    /** Every lesson this kiosk has, for "Học thử" without a card. */
    public List<LessonPack> practiceLessons() {
        return app.lessons.library().all();
    }

    /**
     * "Học thử" on the welcome screen: practice without a card. Anonymous by construction (no
     * household is on screen, and none is kept), so its events carry no household code.
     */
    public void openPractice() {
        clearPersonalData();
        screen = Screen.PRACTICE;
        touch();
    }

    /** Opens (or resumes) a lesson for the household on screen, or for nobody in particular. */
    public void startLesson(String lessonId) {
        Optional<LessonPack> pack = lessonPack(lessonId);
        if (pack.isEmpty()) {
            return;
        }
        lesson = app.lessons.open(pack.get(), household == null ? null : household.code());
        screen = Screen.LESSON;
        touch();
    }

    /**
     * "Dừng, lát học tiếp" or the end of a lesson: back to the household (status refreshed), or,
     * practising without a card, back to the list of lessons to pick another.
     */
    public void leaveLesson() {
        lesson = null;
        if (household != null) {
            household = app.roster.byCode(household.code()).orElse(household);
        }
        screen = household == null ? Screen.PRACTICE : Screen.STATUS;
        touch();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
