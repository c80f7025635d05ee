package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskLog;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;
import vn.giadinhso.kiosk.ui.Texts;

/**
 * A data directory enrolled before plain http:// was refused, whose hub is on the network: the
 * kiosk sends nothing (its token would travel in clear), says why in its log and on the staff
 * screen, and keeps working offline.
 */
class InsecureHubDataDirTest {

    /** Every request any HttpClient in this JVM makes goes to {@code stub}, as to a proxy, while installed. */
    private static ProxySelector everythingTo(StubHub stub) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", stub.port())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        };
    }

    @Test
    void aStoredPlainHttpHubOnTheNetworkGetsNoRequestAndStaffAreTold(@TempDir Path tmp) throws Exception {
        Path data;
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            data = hub.enrolledDataDir(tmp);
        }
        KioskDataDir dir = new KioskDataDir(data);
        KioskIdentity enrolled = dir.require();
        URI plain = URI.create("http://10.1.2.3:7070");
        dir.write(new KioskIdentity(enrolled.kioskId(), plain, enrolled.token(), enrolled.hubPublicKey(),
                enrolled.memberKeys(), enrolled.hubSealingKey(), enrolled.supportPointId(), enrolled.communeId(),
                enrolled.hubPublicKeys()));

        ProxySelector before = ProxySelector.getDefault();
        try (StubHub network = new StubHub(r -> StubHub.Answer.ok())) {
            ProxySelector.setDefault(everythingTo(network));
            try {
                // The rig catches what would leave: a client built as the kiosk builds its own reaches the stub.
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                        HttpRequest.newBuilder(plain.resolve("/rig-check")).build(), HttpResponse.BodyHandlers.discarding());
                assertEquals(1, network.requests.size(), "the rig sees the network");
                network.requests.clear();

                try (KioskLog log = KioskLog.writeTo(data);
                     KioskApp app = KioskApp.open(dir, new KioskSettings(Duration.ofMillis(50), Duration.ofHours(1),
                             Duration.ofMillis(50)), Clock.systemUTC())) {
                    app.start();
                    assertTrue(app.syncQuietly().orElseThrow().contains("is plain http:// on the network"));
                    app.events.supportRequested("other", null, null);
                    assertEquals(1, app.outbox.backlog(), "events wait in the outbox, kept");
                    assertFalse(app.sender.awaitEmpty(Duration.ofMillis(500)), "nothing is sent");

                    KioskScreenModel model = app.screens(new StaffPin(new StaffPinFile(data), 3,
                            Duration.ofMinutes(5), Clock.systemUTC()), PhoneSteps.national(), Duration.ofSeconds(60),
                            ZoneId.of("Asia/Ho_Chi_Minh"));
                    assertTrue(model.staff().health().insecureHub());
                    assertFalse(model.staff().health().online());
                }
                assertEquals(List.of(), network.requests, "no request, so no token, left the kiosk");
            } finally {
                ProxySelector.setDefault(before);
            }
        }
        String text = Files.readString(KioskLog.file(data), StandardCharsets.UTF_8);
        assertTrue(text.contains("ERROR"), text);
        assertTrue(text.contains("the hub address http://10.1.2.3:7070 is plain http:// on the network"), text);
        assertTrue(text.contains("not syncing. Enrol again with an https:// address: enrol --force"), text);
        assertEquals("Máy không đồng bộ: địa chỉ máy chủ dùng http:// không mã hóa trên mạng, sẽ làm lộ mã bí mật"
                + " của máy. Xin đăng ký lại máy với địa chỉ https://.", Texts.of(Locale.forLanguageTag("vi"))
                .get("staff.insecureHub"));
    }
}
