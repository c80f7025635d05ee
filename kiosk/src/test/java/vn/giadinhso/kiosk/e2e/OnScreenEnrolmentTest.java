package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giadinhso.kiosk.enrol.Enroller;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.screen.EnrolmentModel;
import vn.giadinhso.kiosk.screen.LanguageOnScreen;
import vn.giadinhso.kiosk.screen.EnrolmentModel.Step;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;
import vn.giadinhso.kiosk.ui.Texts;

/** The on-screen enrolment's model against a real hub: each refusal says what to do. */
class OnScreenEnrolmentTest {

    static Path tmp;
    static RealHub hub;

    @BeforeAll
    static void start() throws Exception {
        tmp = Files.createTempDirectory("kiosk-enrol");
        hub = new RealHub(tmp.resolve("hub"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    record Kiosk(KioskDataDir dir, StaffPin pin, EnrolmentModel model, List<KioskIdentity> enrolled) {
    }

    static Kiosk kiosk(Optional<URI> hubUri) throws Exception {
        KioskDataDir dir = new KioskDataDir(Files.createTempDirectory(tmp, "kiosk"));
        StaffPin pin = new StaffPin(new StaffPinFile(dir.path()), 5, Duration.ofMinutes(5), Clock.systemUTC());
        List<KioskIdentity> enrolled = new ArrayList<>();
        // Direct executors: the hub call runs in the test's thread, so each step is done when it returns.
        EnrolmentModel model = new EnrolmentModel(dir, pin, new Enroller(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build()),
                hubUri, LanguageOnScreen.builtIn(), Runnable::run, Runnable::run, enrolled::add);
        return new Kiosk(dir, pin, model, enrolled);
    }

    static String say(EnrolmentModel m) {
        return Texts.of(m.locale()).get(m.message().orElseThrow());
    }

    @Test
    void staffChooseAPinScanTheCodeAndTheKioskIsEnrolled() throws Exception {
        Kiosk k = kiosk(Optional.of(hub.uri()));
        k.model().pinTyped("12");
        assertEquals("Mã PIN phải có từ 4 đến 8 chữ số.", say(k.model()));
        k.model().pinTyped("2468");
        k.model().pinAgain("2467");
        assertEquals(Step.PIN, k.model().step());
        assertEquals("Hai lần nhập mã PIN không giống nhau. Xin đặt lại.", say(k.model()));
        k.model().pinTyped("2468");
        k.model().pinAgain("2468");
        assertEquals(Step.CODE, k.model().step());

        k.model().scanned(RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An"));
        assertEquals(Step.CODE, k.model().step(), "a resident's card is not an enrolment code");
        k.model().scanned(hub.enrolmentCode().toLowerCase());
        assertEquals(Step.HUB, k.model().step());
        assertEquals(hub.uri().toString(), k.model().hub(), "prefilled from --hub");
        k.model().submit(k.model().hub());

        assertEquals(Step.DONE, k.model().step());
        assertTrue(k.dir().enrolled());
        assertEquals(1, k.enrolled().size());
        assertEquals(StaffPin.Answer.OK, k.pin().check("2468"), "the PIN chosen on screen is the staff PIN");
    }

    /** The dashboard's QR, when the hub knows its public address: one scan gives code and hub. */
    @Test
    void oneScanOfAnEnrolmentCardFillsInTheCodeAndTheHubAddress() throws Exception {
        Kiosk k = kiosk(Optional.empty());
        k.model().pinTyped("2468");
        k.model().pinAgain("2468");
        k.model().scanned("GDSE1|ftp://" + hub.uri().getAuthority() + "|" + hub.enrolmentCode());
        assertEquals(Step.CODE, k.model().step(), "only an http(s) hub address is taken");
        assertEquals("https://", k.model().hub());

        k.model().scanned("GDSE1|" + hub.uri() + "|" + hub.enrolmentCode());
        assertEquals(Step.HUB, k.model().step(), "staff see the address before the kiosk connects");
        assertEquals(hub.uri().toString(), k.model().hub());
        k.model().submit(k.model().hub());
        assertEquals(Step.DONE, k.model().step());
        assertTrue(k.dir().enrolled());
    }

    @Test
    void aUsedCodeAnUnknownCodeAndAnUnreachableHubAreSaidInPlainWords() throws Exception {
        String code = hub.enrolmentCode();
        assertEquals(0, KioskEndToEndTest.cli("enrol", "--data", Files.createTempDirectory(tmp, "first").toString(),
                "--hub", hub.uri().toString(), "--code", code));

        Kiosk k = kiosk(Optional.empty());
        assertEquals("https://", k.model().hub(), "no --hub: the address starts empty, https first");
        k.model().pinTyped("1357");
        k.model().pinAgain("1357");
        k.model().codeTyped(code);
        k.model().submit(hub.uri().toString());
        assertEquals(Step.CODE, k.model().step());
        assertEquals("Mã đăng ký này đã được dùng rồi. Xin lấy mã mới trên trang quản lý ki-ốt.", say(k.model()));

        k.model().codeTyped("ABCD-EFGH-JKMN");
        k.model().submit(hub.uri().toString());
        assertEquals(Step.CODE, k.model().step());
        assertEquals("Máy chủ không nhận mã này: mã sai hoặc đã hết hạn. Xin kiểm tra lại hoặc lấy mã mới.",
                say(k.model()));

        k.model().codeTyped("xyz");
        assertEquals("Mã đăng ký có 12 ký tự, dạng XXXX-XXXX-XXXX. Xin kiểm tra lại.", say(k.model()));

        k.model().codeTyped(hub.enrolmentCode());
        k.model().submit("http://127.0.0.1:1");
        assertEquals(Step.HUB, k.model().step());
        assertEquals("Không kết nối được máy chủ. Xin kiểm tra địa chỉ và mạng rồi thử lại.", say(k.model()));
        k.model().switchLanguage(java.util.Locale.ENGLISH);
        assertEquals("Cannot reach the hub. Please check the address and the network, then try again.", say(k.model()));

        assertFalse(k.dir().enrolled());
        assertFalse(k.pin().isSet(), "no PIN is kept for a kiosk that did not enrol");
    }

    /** A plain http:// hub on the network, typed on screen: refused before any connection, in Vietnamese first. */
    @Test
    void aPlainHttpHubTypedOnScreenIsRefusedBeforeConnecting() throws Exception {
        Kiosk k = kiosk(Optional.empty());
        k.model().pinTyped("1357");
        k.model().pinAgain("1357");
        k.model().codeTyped(hub.enrolmentCode());
        // 192.0.2.1 is a documentation address: a connection attempt would time out, not be refused.
        k.model().submit("http://192.0.2.1:7070");
        assertEquals(Step.HUB, k.model().step());
        assertEquals("Địa chỉ http:// không mã hóa chỉ được dùng trên chính máy này. Máy chủ trên mạng phải dùng"
                + " https:// để mã bí mật của máy không bị lộ.", say(k.model()));
        k.model().switchLanguage(java.util.Locale.ENGLISH);
        assertEquals("A plain http:// address is allowed only on this machine itself. A hub on the network must use"
                + " https:// so this kiosk's secrets are not exposed.", say(k.model()));
        assertFalse(k.dir().enrolled());
        assertFalse(k.pin().isSet());

        k.model().submit(hub.uri().toString());
        assertEquals(Step.DONE, k.model().step(), "http://127.0.0.1 (this machine) still enrols");
    }

    /** An enrolment QR whose hub address is plain http:// on the network: neither its code nor its address is taken. */
    @Test
    void anEnrolmentCardWithAPlainHttpHubIsRefused() throws Exception {
        Kiosk k = kiosk(Optional.empty());
        k.model().pinTyped("2468");
        k.model().pinAgain("2468");
        k.model().scanned("GDSE1|http://192.168.1.10:7070|" + hub.enrolmentCode());
        assertEquals(Step.CODE, k.model().step());
        assertEquals("", k.model().code());
        assertEquals("https://", k.model().hub());
        assertEquals("Mã QR này chỉ tới máy chủ bằng http:// không mã hóa. Xin quản trị viên cấu hình máy chủ với"
                + " địa chỉ https:// rồi in mã mới.", say(k.model()));

        k.model().scanned("GDSE1|https://giadinhso.antuong.gov.vn|" + hub.enrolmentCode());
        assertEquals(Step.HUB, k.model().step(), "an https:// card is taken");
        assertEquals("https://giadinhso.antuong.gov.vn", k.model().hub());
    }
}
