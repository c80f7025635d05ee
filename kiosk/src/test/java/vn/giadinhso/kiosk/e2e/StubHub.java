package vn.giadinhso.kiosk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for the hub's kiosk API on a free loopback port, for answers a real hub gives only
 * in rare cases (a 503 from its proxy, a refusal that names no event). It records every request;
 * {@code answer} decides each reply from the request.
 */
public final class StubHub implements AutoCloseable {

    /** One request as it arrived: what a real hub would have seen, token included. */
    public record Request(String method, URI uri, String authorization, String quarantinedHeader, JsonNode body) {
        /** The posted events' ids, in order (empty for a request without events). */
        public List<String> eventIds() {
            return field("id");
        }

        public List<String> eventTypes() {
            return field("type");
        }

        private List<String> field(String name) {
            List<String> out = new java.util.ArrayList<>();
            if (body != null) {
                body.path("events").forEach(e -> out.add(e.path(name).asText()));
            }
            return out;
        }
    }

    /** A reply: status and the hub's {@code {"error": …}} (or null for an empty 200 body). */
    public record Answer(int status, String error) {
        public static Answer ok() {
            return new Answer(200, null);
        }

        /** No answer at all: the connection is closed, as when the network drops mid-request. */
        public static Answer noAnswer() {
            return new Answer(-1, null);
        }
    }

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final Semaphore arrived = new Semaphore(0);
    private final ObjectMapper json = new ObjectMapper();
    private final java.util.concurrent.atomic.AtomicInteger answering = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();

    public StubHub(Function<Request, Answer> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            mostAtOnce.accumulateAndGet(answering.incrementAndGet(), Math::max);
            try {
                handle(exchange, answer);
            } finally {
                answering.decrementAndGet();
            }
        });
        // Several requests at once, as a real hub takes them (the sender keeps a few in flight).
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-hub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    private void handle(com.sun.net.httpserver.HttpExchange exchange, Function<Request, Answer> answer) throws IOException {
        byte[] in = exchange.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? null : json.readTree(in);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Kiosk-Quarantined"), body);
        requests.add(request);
        Answer a = answer.apply(request);
        if (a.status() < 0) {
            exchange.close();
            arrived.release();
            return;
        }
        byte[] out = (a.error() == null ? "{\"stored\":1}"
                : json.createObjectNode().put("error", a.error()).toString()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(a.status(), out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
        arrived.release();
    }

    /** The most requests this stub was answering at the same moment. */
    public int mostRequestsAtOnce() {
        return mostAtOnce.get();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Waits until {@code n} more requests have been answered; false after {@code seconds}. */
    public boolean awaitRequests(int n, long seconds) throws InterruptedException {
        return arrived.tryAcquire(n, seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
