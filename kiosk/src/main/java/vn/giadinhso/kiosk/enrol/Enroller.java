package vn.giadinhso.kiosk.enrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import vn.giadinhso.kiosk.identity.MemberKeyring;

/** Exchanges a one-time enrolment code for this kiosk's identity at the hub. */
public final class Enroller {

    private final HttpClient http;

    public Enroller(HttpClient http) {
        this.http = http;
    }

    /** @throws EnrolmentFailed with the reason the screen explains (code used, unknown, hub unreachable…) */
    public KioskIdentity enrol(URI hub, String code) throws IOException, InterruptedException {
        Optional<HubAddress.Problem> problem = HubAddress.problem(hub);
        if (problem.isPresent()) {
            // Checked before the request: the answer would carry the token and keys in clear.
            throw new EnrolmentFailed(problem.get() == HubAddress.Problem.PLAIN_HTTP
                    ? EnrolmentFailed.Reason.INSECURE_HUB : EnrolmentFailed.Reason.HUB_UNREACHABLE,
                    HubAddress.explain(hub, problem.get()), null);
        }
        String body = new ObjectMapper().createObjectNode().put("code", code.strip()).toString();
        HttpRequest request = HttpRequest.newBuilder(hub.resolve("/api/v1/kiosks/enrol"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EnrolmentFailed(EnrolmentFailed.Reason.HUB_UNREACHABLE,
                    "the hub at " + hub + " cannot be reached: " + e.getMessage(), e);
        }
        JsonNode reply = parse(response.body());
        if (response.statusCode() != 201) {
            EnrolmentFailed.Reason reason = switch (response.statusCode()) {
                case 409 -> EnrolmentFailed.Reason.CODE_USED;
                case 401 -> EnrolmentFailed.Reason.CODE_UNKNOWN_OR_EXPIRED;
                default -> EnrolmentFailed.Reason.NOT_A_HUB;
            };
            throw new EnrolmentFailed(reason, "the hub refused the enrolment code (HTTP " + response.statusCode() + "): "
                    + reply.path("error").asText("no reason given"), null);
        }
        return new KioskIdentity(
                field(reply, "kioskId"), hub, field(reply, "token"), field(reply, "hubPublicKey"),
                memberKeys(reply), field(reply, "hubSealingKey"), field(reply, "supportPointId"),
                field(reply, "communeId"),
                reply.path("hubPublicKeys").isArray() ? reply.get("hubPublicKeys").toString() : null);
    }

    private static JsonNode parse(String body) throws IOException {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new EnrolmentFailed(EnrolmentFailed.Reason.NOT_A_HUB,
                    "the hub's answer is not JSON; is the URL really a Gia Đình Số hub?", e);
        }
    }

    private static String memberKeys(JsonNode reply) throws IOException {
        JsonNode keys = reply.get("memberKeys");
        if (keys == null || !keys.isArray() || keys.isEmpty()) {
            throw new IOException("the hub's enrolment answer lacks \"memberKeys\"");
        }
        try {
            MemberKeyring.parse(keys.toString());
        } catch (RuntimeException e) {
            throw new IOException("the hub's \"memberKeys\" are not a key chain: " + e.getMessage());
        }
        return keys.toString();
    }

    private static String field(JsonNode reply, String name) throws IOException {
        JsonNode value = reply.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IOException("the hub's enrolment answer lacks \"" + name + "\"");
        }
        return value.asText();
    }
}
