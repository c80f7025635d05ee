package vn.giadinhso.kiosk.e2e;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.ingest.StoredEvent;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;
import vn.giadinhso.hub.web.HubHttp;

/**
 * A real hub in this JVM (the hub module is a test dependency only), on a free port, with a
 * small roster of fictitious households: HH-1 has members with the ID numbers below.
 */
public final class RealHub implements AutoCloseable {
    public static final String POINT = "an-tuong-nvh";
    public static final String COMMUNE = "an-tuong";
    public static final String MEMBER_ID = "052099012345";
    public static final String OTHER_MEMBER_ID = "052199054321";
    public static final String STRANGER_ID = "052099099999";

    public final HubApp hub;
    public final Javalin http;

    public RealHub(Path dir) {
        this(dir, 0);
    }

    public RealHub(Path dir, int port) {
        this(dir, port, true);
    }

    /** The hub of an earlier RealHub on {@code dir}, restarted as an operator would (after rotate-signing-key). */
    public static RealHub reopen(Path dir, int port) {
        return new RealHub(dir, port, false);
    }

    private RealHub(Path dir, int port, boolean seed) {
        this(HubApp.open(dir.resolve("hub.db"), Clock.systemUTC()), port, seed);
    }

    /** The same seeded hub on another database, e.g. PostgreSQL ({@link HubDatabases}). */
    public RealHub(vn.giadinhso.hub.storage.DatabaseLocation database, Path secretsFile) {
        this(HubApp.open(database, secretsFile, 4, Clock.systemUTC()), 0, true);
    }

    private RealHub(HubApp opened, int port, boolean seed) {
        hub = opened;
        if (!seed) {
            http = HubHttp.create(hub, "test").start("127.0.0.1", port);
            return;
        }
        hub.criteria.load(hub.criteriaJson.readResource("an-tuong-2026.json"));
        hub.schedule.savePoint(new SupportPoint(POINT, COMMUNE, "NVH thôn Tân Thành", "Nhà văn hóa thôn Tân Thành", 3));
        var hasher = hub.memberKeys;
        List<Household> households = new ArrayList<>();
        households.add(new Household("AT-TH1-0001", COMMUNE, "Thôn Tân Thành", "Nguyễn Văn An", List.of(
                new Member("Nguyễn Văn An", hasher.hash(COMMUNE, MEMBER_ID), "0520****2345"),
                new Member("Trần Thị Bình", hasher.hash(COMMUNE, OTHER_MEMBER_ID), "0521****4321")),
                Set.of(), Set.of()));
        for (int i = 2; i <= 30; i++) {
            households.add(new Household(String.format("AT-TH1-%04d", i), COMMUNE, "Thôn Tân Thành",
                    "Hộ số " + i, List.of(), Set.of(), Set.of()));
        }
        hub.households.upsert(households);
        Instant today = Instant.now().truncatedTo(ChronoUnit.HOURS);
        hub.schedule.saveSession(new Session("s-today", POINT, today.minus(1, ChronoUnit.HOURS),
                today.plus(3, ChronoUnit.HOURS), "Nhà văn hóa thôn Tân Thành", "Cài đặt VNeID mức 2", "Đoàn thanh niên",
                Session.Status.SCHEDULED));
        http = HubHttp.create(hub, "test").start("127.0.0.1", port);
    }

    /** Publishes the lesson packs shipped in the hub, as the demo does, so kiosks fetch them after a sync. */
    public RealHub withShippedLessons() throws java.io.IOException {
        new vn.giadinhso.hub.pack.ShippedPacks<>(new vn.giadinhso.hub.lesson.LessonPackReader(), hub.lessonPacks, "/lessons")
                .load();
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + http.port());
    }

    public String enrolmentCode() {
        return hub.kiosks.newEnrolmentCode(POINT);
    }

    /** A new kiosk data dir under {@code parent}, enrolled at this hub by the kiosk's own CLI. */
    public Path enrolledDataDir(Path parent) throws java.io.IOException {
        Path data = java.nio.file.Files.createTempDirectory(parent, "kiosk");
        int exit = KioskEndToEndTest.cli("enrol", "--data", data.toString(), "--hub", uri().toString(),
                "--code", enrolmentCode());
        if (exit != 0) {
            throw new AssertionError("kiosk enrol exited with " + exit);
        }
        return data;
    }

    public String householdQr(String code) {
        return hub.cards.payload(COMMUNE, code, LocalDate.now());
    }

    /** A CCCD QR as printed on a chip card, for a fictitious person. */
    public static String cccdQr(String idNumber, String name) {
        return idNumber + "||" + name + "|15031999|Nam|Thôn Tân Thành, xã Ân Tường, Gia Lai|20042021";
    }

    public List<StoredEvent> events(String kioskId, String type) {
        List<StoredEvent> all = new ArrayList<>();
        hub.events.forEach(kioskId, type, all::add);
        return all;
    }

    @Override
    public void close() {
        http.stop();
        hub.close();
    }
}
