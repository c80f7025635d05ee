package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.outbox.OutboxEvent;
import vn.giadinhso.kiosk.screen.Screen;

/**
 * "Tôi cần hỗ trợ" on a kiosk with no keyboard: the number is typed on the on-screen keypad, a
 * wrong one is explained instead of sent, and after sending the heading confirms (it no longer
 * asks what help is needed).
 */
@ExtendWith(ApplicationExtension.class)
class SupportKeypadWindowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Path tmp;
    static RealHub hub;
    KioskWindowRig rig;
    final List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void hub() throws Exception {
        tmp = Files.createTempDirectory("kiosk-support");
        hub = new RealHub(tmp.resolve("hub"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        rig = KioskWindowRig.open(stage, hub, tmp, new MutableClock(), List.of(), said);
    }

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    @Test
    void aNumberTypedOnTheKeypadTravelsWithTheRequest(FxRobot robot) throws Exception {
        Texts vi = Texts.of(Locale.forLanguageTag("vi"));
        robot.clickOn("#help");
        assertEquals(Screen.SUPPORT, rig.model().screen());
        assertTrue(said.stream().anyMatch(s -> s.contains(vi.get("support.keypad.spoken"))),
                "the keypad is explained aloud");

        for (char c : "091234".toCharArray()) {
            robot.clickOn("#support-key-" + c);
        }
        robot.clickOn("#support-vneid");
        assertEquals(Screen.SUPPORT, rig.model().screen(), "six digits are not a phone number: not sent");
        assertTrue(robot.lookup("#support-phone-problem").tryQuery().isPresent());
        assertTrue(said.stream().anyMatch(s -> s.contains(vi.get("support.phoneCheck"))), "and the reason is spoken");

        robot.clickOn("#support-key-del");
        for (char c : "45678".toCharArray()) {
            robot.clickOn("#support-key-" + c);
        }
        assertEquals("0912 345 678", robot.lookup("#support-phone").queryAs(TextField.class).getText());
        assertFalse(robot.lookup("#support-phone-problem").tryQuery().isPresent(), "a good number clears the warning");

        robot.clickOn("#support-scam");
        assertEquals(Screen.SUPPORT_SENT, rig.model().screen());
        List<String> texts = robot.lookup("#support-sent .label").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).toList();
        assertTrue(texts.contains(vi.get("support.sentTitle")), "a confirmation heading: " + texts);
        assertFalse(texts.contains(vi.get("support.title")), "no longer asks what help is needed: " + texts);
        assertTrue(said.stream().anyMatch(s -> s.contains(vi.get("support.sentTitle"))), "the confirmation is spoken");

        List<JsonNode> requests = new ArrayList<>();
        for (OutboxEvent e : rig.app().outbox.oldest(500)) {
            if (e.type().equals("support.requested")) {
                requests.add(JSON.readTree(e.payload()));
            }
        }
        assertEquals(1, requests.size(), "the wrong number was never sent");
        assertEquals("scam", requests.get(0).path("topic").asText());
        assertEquals("0912345678", requests.get(0).path("phone").asText());
    }
}
