package vn.giadinhso.kiosk.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which hub addresses a kiosk accepts: https anywhere, plain http only to this machine. */
class HubAddressTest {

    private static Optional<HubAddress.Problem> problem(String uri) {
        return HubAddress.problem(URI.create(uri));
    }

    @Test
    void httpsIsAcceptedAnywhere() {
        assertEquals(Optional.empty(), problem("https://giadinhso.antuong.gov.vn"));
        assertEquals(Optional.empty(), problem("https://192.168.1.10:7443"));
        assertEquals(Optional.empty(), problem("HTTPS://hub.example"));
    }

    @Test
    void plainHttpIsAcceptedOnlyForLoopback() {
        for (String ok : new String[] {"http://localhost:7070", "http://LOCALHOST", "http://localhost.:7070",
                "http://127.0.0.1:7070", "http://127.1.2.3", "http://[::1]:7070", "http://[0:0:0:0:0:0:0:1]"}) {
            assertEquals(Optional.empty(), problem(ok), ok);
        }
        for (String refused : new String[] {"http://192.168.1.10:7070", "http://10.0.0.2", "http://hub.example",
                "http://localhost.example.com", "http://127.0.0.1.nip.io", "http://128.0.0.1",
                "http://[::2]", "http://0.0.0.0:7070", "http://[::]"}) {
            assertEquals(Optional.of(HubAddress.Problem.PLAIN_HTTP), problem(refused), refused);
        }
        assertTrue(HubAddress.problem("http://127.0.0.256").isPresent(), "not an address, so not loopback");
    }

    @Test
    void anythingElseIsNotAHubUrl() {
        assertEquals(Optional.of(HubAddress.Problem.NOT_A_URL), problem("ftp://127.0.0.1"));
        assertEquals(Optional.of(HubAddress.Problem.NOT_A_URL), HubAddress.problem("192.168.1.10:7070"));
        assertEquals(Optional.of(HubAddress.Problem.NOT_A_URL), HubAddress.problem("http://a b"));
        assertEquals(Optional.of(HubAddress.Problem.NOT_A_URL), HubAddress.problem("https://"));
    }
}
