package vn.giadinhso.kiosk.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.giadinhso.kiosk.enrol.HubAddress;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.outbox.EventPoster;
import vn.giadinhso.kiosk.outbox.OutboxEvent;
import vn.giadinhso.protocol.KioskProtocol;

/**
 * The hub's kiosk API as this kiosk calls it: bearer token, the kiosk protocol and the X-Kiosk-*
 * headers on every request. Remembers whether the hub last refused this kiosk as too old for it
 * (docs/protocol.md, "Protocol version"), for the staff screen.
 */
public final class HubConnection implements EventPoster {

    /** The hub serves kiosks of protocol {@code minProtocol} and up; this one speaks {@code kioskProtocol}. */
    public record TooOld(int kioskProtocol, int minProtocol) {
        String explain() {
            return "the hub serves kiosk protocol " + minProtocol + " and newer, this kiosk speaks " + kioskProtocol
                    + ": update the kiosk software (its events are kept until then)";
        }
    }

    private final KioskIdentity kiosk;
    private final HttpClient http;
    private final Supplier<KioskReport> report;
    private final int protocol;
    private final ObjectMapper json = new ObjectMapper();
    private volatile TooOld tooOld;

    public HubConnection(KioskIdentity kiosk, HttpClient http, Supplier<KioskReport> report) {
        this(kiosk, http, report, KioskProtocol.CURRENT);
    }

    /** {@code protocol}: the kiosk protocol to state; {@link KioskProtocol#CURRENT} but in tests. */
    public HubConnection(KioskIdentity kiosk, HttpClient http, Supplier<KioskReport> report, int protocol) {
        this.kiosk = kiosk;
        this.http = http;
        this.report = report;
        this.protocol = protocol;
    }

    /** Set while the hub's last answer refused this kiosk's software as too old; cleared by a success. */
    public Optional<TooOld> tooOld() {
        return Optional.ofNullable(tooOld);
    }

    @Override
    public Reply post(List<OutboxEvent> batch) throws IOException, InterruptedException {
        HttpRequest request = request("/api/v1/kiosks/" + kiosk.kioskId() + "/events")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(batch)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        // A 403 keeps the batch in the outbox (BatchRefusal): nothing is lost while the kiosk waits for an update.
        Optional<TooOld> refused = observe(response);
        return new Reply(response.statusCode(), response.statusCode() == 200 ? null
                : refused.map(TooOld::explain).orElseGet(() -> error(response.body())));
    }

    /** A GET of the hub's health page; true on any HTTP answer within a second or two. */
    @Override
    public boolean answers() throws InterruptedException {
        try {
            http.send(request("/api/v1/health").timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One page of changes after {@code cursor} (null: from the start). */
    public JsonNode sync(String cursor) throws IOException, InterruptedException {
        String path = "/api/v1/kiosks/" + kiosk.kioskId() + "/sync"
                + (cursor == null ? "" : "?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request(path).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Optional<TooOld> refused = observe(response);
        if (refused.isPresent()) {
            throw new IOException("sync refused: " + refused.get().explain());
        }
        if (response.statusCode() != 200) {
            throw new IOException("sync refused (HTTP " + response.statusCode() + "): " + error(response.body()));
        }
        return json.readTree(response.body());
    }

    /** Downloads a lesson pack zip to {@code to}; the caller checks its size and SHA-256. */
    public void downloadLessonPack(String id, int version, java.nio.file.Path to) throws IOException, InterruptedException {
        HttpResponse<java.nio.file.Path> response = http.send(request("/api/v1/kiosks/" + kiosk.kioskId() + "/lesson-packs/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + version).GET().build(),
                HttpResponse.BodyHandlers.ofFile(to));
        if (response.statusCode() != 200) {
            java.nio.file.Files.deleteIfExists(to);
            throw new IOException("lesson pack download refused (HTTP " + response.statusCode() + ")");
        }
    }

    /** Downloads a language pack zip to {@code to}; the caller checks its size and SHA-256. */
    public void downloadLanguagePack(String code, int version, java.nio.file.Path to) throws IOException, InterruptedException {
        HttpResponse<java.nio.file.Path> response = http.send(request("/api/v1/kiosks/" + kiosk.kioskId() + "/language-packs/"
                + URLEncoder.encode(code, StandardCharsets.UTF_8) + "/" + version).GET().build(),
                HttpResponse.BodyHandlers.ofFile(to));
        if (response.statusCode() != 200) {
            java.nio.file.Files.deleteIfExists(to);
            throw new IOException("language pack download refused (HTTP " + response.statusCode() + ")");
        }
    }

    // Every request carries the token: none leaves for a plain http:// hub on the network, whatever
    // path the address came by (a data dir enrolled before the rule, an edited kiosk.json).
    private HttpRequest.Builder request(String path) throws IOException {
        Optional<HubAddress.Problem> problem = HubAddress.problem(kiosk.hub());
        if (problem.isPresent()) {
            throw new IOException("not sent: " + HubAddress.explain(kiosk.hub(), problem.get()));
        }
        KioskReport r = report.get();
        return HttpRequest.newBuilder(kiosk.hub().resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + kiosk.token())
                .header(KioskProtocol.HEADER, Integer.toString(protocol))
                .header("X-Kiosk-Version", r.version())
                .header("X-Kiosk-Backlog", Integer.toString(r.backlog()))
                .header("X-Kiosk-Quarantined", Integer.toString(r.quarantined()))
                .header("X-Kiosk-Reader", r.reader());
    }

    // The payload is already JSON text in the outbox; it is written raw, not re-parsed.
    private byte[] body(List<OutboxEvent> batch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * batch.size() + 16);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            for (OutboxEvent e : batch) {
                g.writeStartObject();
                g.writeStringField("id", e.id());
                g.writeStringField("type", e.type());
                g.writeStringField("at", e.at().toString());
                g.writeFieldName("payload");
                g.writeRawValue(e.payload());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Notes a "too old" refusal (403 with the protocol's code), or its end on a success. */
    private Optional<TooOld> observe(HttpResponse<String> response) {
        if (response.statusCode() == 200) {
            tooOld = null;
            return Optional.empty();
        }
        if (response.statusCode() != 403) {
            return Optional.empty();
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (!KioskProtocol.TOO_OLD.equals(body.path("code").asText())) {
                return Optional.empty();
            }
            TooOld refused = new TooOld(protocol, body.path("minProtocol").asInt(protocol + 1));
            tooOld = refused;
            return Optional.of(refused);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private String error(String body) {
        try {
            return json.readTree(body).path("error").asText(body);
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }
}
