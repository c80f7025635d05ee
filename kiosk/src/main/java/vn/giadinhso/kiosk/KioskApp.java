package vn.giadinhso.kiosk;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giadinhso.kiosk.attendance.AttendanceBook;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.attendance.Schedule;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.attendance.UnscheduledSessions;
import vn.giadinhso.kiosk.enrol.HubAddress;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.hardware.ReaderState;
import vn.giadinhso.kiosk.household.Declarations;
import vn.giadinhso.kiosk.household.Roster;
import vn.giadinhso.kiosk.identity.HubKeyRing;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.identity.MemberKeyring;
import vn.giadinhso.kiosk.identity.PayloadClassifier;
import vn.giadinhso.kiosk.language.Language;
import vn.giadinhso.kiosk.language.LanguagePacks;
import vn.giadinhso.kiosk.lesson.LessonLibrary;
import vn.giadinhso.kiosk.lesson.LessonPackFetcher;
import vn.giadinhso.kiosk.lesson.Lessons;
import vn.giadinhso.kiosk.lesson.OutboxEvidence;
import vn.giadinhso.kiosk.lesson.SqliteProgressStore;
import vn.giadinhso.kiosk.member.MemberAnswer;
import vn.giadinhso.kiosk.member.MemberDeclarations;
import vn.giadinhso.kiosk.outbox.KioskEvents;
import vn.giadinhso.kiosk.outbox.Outbox;
import vn.giadinhso.kiosk.outbox.OutboxSender;
import vn.giadinhso.kiosk.outbox.RetryDelay;
import vn.giadinhso.protocol.Uuid7;
import vn.giadinhso.kiosk.scan.MatchedMember;
import vn.giadinhso.kiosk.scan.RosterLookup;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.scan.ScanService;
import vn.giadinhso.kiosk.screen.AttendanceModel;
import vn.giadinhso.kiosk.screen.Cards;
import vn.giadinhso.kiosk.screen.KioskHealth;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.LanguageOnScreen;
import vn.giadinhso.kiosk.screen.LessonModel;
import vn.giadinhso.kiosk.screen.MemberQuestionModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.PracticeModel;
import vn.giadinhso.kiosk.screen.StaffModel;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinModel;
import vn.giadinhso.kiosk.screen.StatusModel;
import vn.giadinhso.kiosk.screen.SupportModel;
import vn.giadinhso.kiosk.screen.UnscheduledSessionModel;
import vn.giadinhso.kiosk.screen.WelcomeModel;
import vn.giadinhso.kiosk.screen.Screens;
import vn.giadinhso.kiosk.store.LocalDatabase;
import vn.giadinhso.kiosk.store.Settings;
import vn.giadinhso.kiosk.sync.HubConnection;
import vn.giadinhso.kiosk.sync.KioskReport;
import vn.giadinhso.kiosk.sync.Syncer;

/**
 * The one place the kiosk is wired: data dir → local database → roster, outbox, sender, sync.
 * Plain Java; the headless runner and the JavaFX window both drive this.
 */
public final class KioskApp implements AutoCloseable {

    public static final String VERSION = "giadinhso-kiosk 0.1.0";

    public final KioskIdentity identity;
    public final Clock clock;
    public final Roster roster;
    public final Schedule schedule;
    public final Outbox outbox;
    public final KioskEvents events;
    public final PayloadClassifier classifier;
    public final ScanService scans;
    /** The member key chain and hub sealing key, refreshed by sync. */
    public final MemberKeyring memberKeys;
    public final AttendanceBook attendance;
    /** Sessions staff open here without a schedule (issue 13). */
    public final UnscheduledSessions unscheduled;
    public final Declarations declarations;
    public final OutboxSender sender;
    public final Syncer syncer;
    public final Lessons lessons;
    public final LanguagePacks languages;

    private final KioskSettings settings;
    private final LocalDatabase db;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ScheduledExecutorService timers;
    private final Optional<String> hubRefusal;
    private final HubConnection hubConnection;
    private final java.util.List<Runnable> dataListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ReaderState reader;
    private volatile String lastSyncError;
    private volatile boolean lastSyncSucceeded;
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);

    private KioskApp(KioskDataDir dir, KioskIdentity identity, KioskSettings settings, Clock clock,
            FileChannel lockChannel, FileLock lock) throws IOException {
        this.identity = identity;
        this.settings = settings;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.hubRefusal = HubAddress.problem(identity.hub()).map(p -> HubAddress.explain(identity.hub(), p)
                + "; not syncing. Enrol again with an https:// address: enrol --force --data " + dir.path()
                + " --hub https://… --code CODE");
        this.db = LocalDatabase.open(dir.database());
        this.roster = new Roster(db);
        this.schedule = new Schedule(db);
        this.outbox = new Outbox(db, new Uuid7(clock), clock);
        this.events = new KioskEvents(outbox);
        // Household cards are checked with the key list of the last sync (rotation, expiry dates),
        // or enrolment's until the first sync.
        this.classifier = new PayloadClassifier(new HubKeyRing(
                () -> db.transaction(c -> Settings.get(c, Syncer.HUB_KEYS)),
                HubKeyRing.parse(identity.hubPublicKeys(), identity.hubPublicKey())), clock);
        this.memberKeys = new MemberKeyring(identity.memberKeys(), identity.hubSealingKey());
        RosterLookup lookup = new RosterLookup(roster, memberKeys, identity.communeId());
        warmUp(lookup);
        this.scans = new ScanService(lookup, events);
        this.attendance = new AttendanceBook(db, events, clock);
        this.unscheduled = new UnscheduledSessions(db, events, clock);
        this.declarations = new Declarations(db, roster, events, clock);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HubConnection hub = new HubConnection(identity, http, this::report);
        this.hubConnection = hub;
        this.sender = new OutboxSender(outbox, hub, new RetryDelay(Duration.ofMillis(250), settings.sendRetryCap()), clock);
        this.syncer = new Syncer(hub, db, roster, schedule, clock, memberKeys, dir::updateKeys);
        this.lessons = new Lessons(new LessonPackFetcher(dir.path().resolve("lessons"), hub::downloadLessonPack,
                LOG::info), new SqliteProgressStore(db, clock), new OutboxEvidence(events), clock);
        this.languages = LanguagePacks.downloaded(dir.languages(), hub::downloadLanguagePack, LOG::info);
        languages.problems().forEach(p -> LOG.warn("language pack not used: {}", p));
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-timers");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs a made-up card through identification, hashing, sealing and the roster lookup (no
     * event is written), so the first resident's scan does not pay for loading that code: cold, it
     * took ~0.6 s here, against the card's ~110 ms on the wire (bench-stolen-kiosk).
     */
    private void warmUp(RosterLookup lookup) {
        memberKeys.warmUp();
        String sample = "052099000000||Nguyễn Văn An|15031999|Nam|Thôn Tân Thành|20042021";
        for (int i = 0; i < 5; i++) {
            lookup.find(classifier.identify(sample));
            roster.warmUp();
            try {
                // An outbox write, rolled back: the statement and JSON code load, nothing is stored.
                db.transaction(c -> {
                    outbox.append(c, "identified", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                            .put("method", "cccd_qr").toString());
                    throw new WarmUpRolledBack();
                });
            } catch (WarmUpRolledBack expected) {
                // as intended
            }
        }
    }

    private static final class WarmUpRolledBack extends RuntimeException {
        WarmUpRolledBack() {
            super(null, null, false, false);
        }
    }

    /** Opens an enrolled data dir; only one process may use it at a time. */
    public static KioskApp open(KioskDataDir dir, KioskSettings settings, Clock clock) throws IOException {
        KioskIdentity identity = dir.require();
        FileChannel channel = FileChannel.open(dir.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("another kiosk process is using " + dir.path());
        }
        try {
            return new KioskApp(dir, identity, settings, clock, channel, lock);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    /**
     * Starts sending, periodic sync and the heartbeat. A data dir enrolled with a plain http://
     * hub on the network (before that was refused) neither sends nor syncs: every request would
     * carry the token in clear. Scans still work and events wait in the outbox.
     */
    public void start() {
        if (hubRefusal.isPresent()) {
            LOG.error("{}", hubRefusal.get());
        } else {
            sender.start();
            timers.scheduleWithFixedDelay(this::syncQuietly, 0, settings.syncEvery().toMillis(), TimeUnit.MILLISECONDS);
        }
        timers.scheduleWithFixedDelay(this::recordHeartbeat, settings.heartbeatEvery().toMillis(),
                settings.heartbeatEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The touchscreen's models, each given only the parts of this app its screen uses (so each is
     * tested without a window or a hub), and the navigator that moves between them.
     */
    public KioskScreenModel screens(StaffPin pin, PhoneSteps phoneSteps, Duration idleAfter, ZoneId zone) {
        LanguageOnScreen onScreen = new LanguageOnScreen(languages);
        // Every lesson a screen shows or opens is in the language on screen (Vietnamese where a pack lacks it).
        // Vietnamese and English are in the packs themselves: only an installed language pack translates.
        Supplier<LessonLibrary> library = () -> {
            Language language = onScreen.language();
            return language.pack().isEmpty() ? lessons.library() : lessons.library().translated(language::lesson);
        };
        KioskHealth health = new AppHealth(this);
        MemberDeclarations memberAnswers = new MemberDeclarations(db, events, clock, zone);
        Screens screens = new Screens(
                new WelcomeModel(() -> schedule.upcoming(clock.instant(), 3), library, zone),
                new StatusModel(roster::byCode, roster::criteriaSet, declarations::declare,
                        h -> events.statusViewed(h.code(), h.met(), h.applicable()), library, phoneSteps),
                new PracticeModel(library),
                new LessonModel(library, lessons::open, lessons::forgetWalkUp),
                new SupportModel(events::supportRequested),
                new StaffPinModel(pin),
                new StaffModel(health, () -> today(zone), zone, new UnscheduledSessionModel(
                        new UnscheduledSessionModel.Sessions() {
                            @Override
                            public List<String> topics() {
                                return unscheduled.topics();
                            }

                            @Override
                            public Session open(String topic) {
                                return unscheduled.open(topic);
                            }

                            @Override
                            public void close(String sessionId) {
                                unscheduled.close(sessionId);
                            }
                        })),
                new AttendanceModel(new AttendanceModel.CheckIns() {
                    @Override
                    public CheckIn checkIn(String sessionId, ScanOutcome scan) {
                        return attendance.checkIn(sessionId, scan);
                    }

                    @Override
                    public int count(String sessionId) {
                        return attendance.count(sessionId);
                    }
                }),
                new MemberQuestionModel(new MemberQuestionModel.Answers() {
                    @Override
                    public boolean answeredToday(MatchedMember member, String claim) {
                        return memberAnswers.answeredToday(member, claim);
                    }

                    @Override
                    public boolean declare(MatchedMember member, String claim, MemberAnswer answer) {
                        return memberAnswers.declare(member, claim, answer);
                    }
                }, library));
        Cards cards = new Cards() {
            @Override
            public Identification identify(String payload) {
                return classifier.identify(payload);
            }

            @Override
            public ScanOutcome scan(Identification id) {
                return scans.scan(id);
            }
        };
        return new KioskScreenModel(screens, cards, health::connection, clock, idleAfter, onScreen);
    }

    private List<Session> today(ZoneId zone) {
        ZonedDateTime start = clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone);
        return schedule.between(start.toInstant(), start.plusDays(1).toInstant());
    }

    public ScanOutcome scan(String payload) {
        return scans.scan(classifier.identify(payload));
    }

    /** Sync now from the caller's thread; failures come back as the message shown to staff. */
    public Optional<String> syncQuietly() {
        if (hubRefusal.isPresent()) {
            return hubRefusal;
        }
        try {
            Syncer.Result r = syncer.syncNow();
            if (!lastSyncSucceeded && lastSyncError != null) {
                LOG.info("sync: the hub answers again");
            }
            lastSyncError = null;
            Optional<com.fasterxml.jackson.databind.JsonNode> packs = syncer.lessonPacks();
            if (packs.isPresent()) {
                lessons.afterSync(packs.get());
            }
            Optional<com.fasterxml.jackson.databind.JsonNode> languagePacks = syncer.languagePacks();
            if (languagePacks.isPresent() && languages.afterSync(languagePacks.get())) {
                dataListeners.forEach(Runnable::run); // the new language's button appears
            }
            lastSyncSucceeded = true;
            if (r.households() > 0 || r.sessions() > 0 || r.criteriaChanged()) {
                dataListeners.forEach(Runnable::run);
                LOG.info("sync: {} households, {} sessions{}", r.households(), r.sessions(),
                        r.criteriaChanged() ? ", new criteria set" : "");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            if (lastSyncSucceeded || !java.util.Objects.equals(lastSyncError, e.getMessage())) {
                LOG.warn("sync failed: {}", e.getMessage()); // once per new error, not every 30 s
            }
            lastSyncError = e.getMessage();
            lastSyncSucceeded = false;
            return Optional.of(String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /**
     * Told, on the sync's thread, when a sync changed what screens show: households, sessions,
     * the criteria set or the lesson packs. The UI hands it to its own thread and redraws.
     */
    public void onDataChanged(Runnable listener) {
        dataListeners.add(listener);
        lessons.onChange(listener);
    }

    public void readerChanged(ReaderState state) {
        ReaderState before = reader;
        reader = state;
        boolean wasConnected = before != null && before.connected();
        boolean newError = state.lastError() != null
                && (before == null || !state.lastError().equals(before.lastError()));
        if (state.connected() && !wasConnected) {
            LOG.info("reader {}: connected on {}", state.reader(), state.port());
        } else if (!state.connected() && (wasConnected || newError)) {
            LOG.warn("reader {}: not connected{}", state.reader(), newError ? ": " + state.lastError() : "");
        }
        // One reader.error event per new error, not per failed reopen every two seconds.
        if (newError) {
            events.readerError(state.reader(), state.lastError());
        }
    }

    /** The reader's last known state; empty when this kiosk has no reader. */
    public Optional<ReaderState> readerState() {
        return Optional.ofNullable(reader);
    }

    public String readerSummary() {
        ReaderState r = reader;
        return r == null ? "none" : r.reader() + (r.connected() ? " connected" : " disconnected");
    }

    /** Why this kiosk does not talk to its hub at all (a plain http:// address on the network), if it does not. */
    public Optional<String> hubRefusal() {
        return hubRefusal;
    }

    /** Whether this process's last sync reached the hub (false until the first one did). */
    /** The hub refused this kiosk's software as too old for it (staff screen: "cần cập nhật"). */
    public Optional<HubConnection.TooOld> updateRequired() {
        return hubConnection.tooOld();
    }

    public boolean lastSyncSucceeded() {
        return lastSyncSucceeded;
    }

    public Optional<String> lastSyncError() {
        return Optional.ofNullable(lastSyncError);
    }

    public Optional<Instant> lastSync() {
        return syncer.lastSync();
    }

    private KioskReport report() {
        return new KioskReport(VERSION, sender.status().backlog(), sender.status().quarantined(), readerSummary());
    }

    /** Records a heartbeat (version, backlog, reader state) now; the timer calls this every few minutes. */
    public void recordHeartbeat() {
        try {
            events.heartbeat(VERSION, outbox.backlog(), outbox.quarantineSize(), readerSummary());
        } catch (RuntimeException e) {
            LOG.warn("heartbeat not recorded: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        sender.close();
        db.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // The OS releases the lock with the process anyway.
        }
    }
}
