package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * {@code serve --log-format json --metrics-port 0 --metrics-token-file F} as an operator runs it:
 * every log line is one JSON object with level, logger, message and time; a batch carrying a
 * citizen ID number is refused and logged without the number; the metrics port wants the token.
 */
class ServeLogsAndMetricsTest {
  private static final String ID_NUMBER = "052190099903";
  private static final String TOKEN = "scrape-token-for-the-test-0123";
  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void jsonLogLinesCarryTheFieldsAndNoIdNumberAndMetricsNeedTheToken() throws Exception {
    Path db = dir.resolve("data/hub.db");
    Enrolment kiosk;
    try (HubApp hub = TestDatabase.open(db, Clock.systemUTC())) {
      vn.giadinhso.hub.units.SampleUnits.load(hub.units, "test");
      hub.schedule.savePoint(new SupportPoint("an-tuong-nvh", "an-tuong", "NVH", "Nhà văn hóa", 3));
      kiosk = hub.kiosks.enrol(hub.kiosks.newEnrolmentCode("an-tuong-nvh"));
    }
    Path tokenFile = dir.resolve("metrics-token");
    Files.writeString(tokenFile, TOKEN + "\n");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "vn.giadinhso.hub.HubMain"));
    command.addAll(List.of(TestDatabase.cliArgs("serve", "--db", db.toString(), "--port", "0",
        "--log-format", "json", "--metrics-port", "0", "--metrics-token-file", tokenFile.toString())));
    Path stderr = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String listening = readLine(out);
      Matcher port = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(listening));
      assertTrue(port.matches(), "first line: " + listening + " / stderr: " + Files.readString(stderr));
      String metricsLine = readLine(out);
      Matcher metricsPort = Pattern.compile("metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics \\(token required\\)")
          .matcher(String.valueOf(metricsLine));
      assertTrue(metricsPort.matches(), "second line: " + metricsLine);
      String hub = "http://127.0.0.1:" + port.group(1);
      String events = hub + "/api/v1/kiosks/" + kiosk.kioskId() + "/events";

      Events batches = new Events();
      String smuggled = "{\"events\":[" + Events.event(batches.newId(), "support.requested",
          "{\"note\":\"" + ID_NUMBER + "\"}") + "]}";
      assertEquals(400, post(events, kiosk.token(), smuggled).statusCode());
      assertEquals(200, post(events, kiosk.token(), batches.batch(3)).statusCode());

      String metrics = "http://127.0.0.1:" + metricsPort.group(1) + "/metrics";
      assertEquals(404, get(hub + "/metrics", null).statusCode());
      assertEquals(401, get(metrics, null).statusCode());
      HttpResponse<String> scrape = get(metrics, TOKEN);
      assertEquals(200, scrape.statusCode());
      assertTrue(scrape.body().contains("\ngiadinhso_ingest_events_total 3.0\n"), scrape.body());

      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    } finally {
      process.destroyForcibly();
    }

    List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    assertFalse(lines.isEmpty(), "no log line at all");
    boolean refusalLogged = false;
    for (String line : lines) {
      JsonNode entry = json.readTree(line); // throws unless the line is one JSON object
      assertTrue(entry.isObject(), line);
      assertTrue(entry.path("level").isTextual() && entry.path("loggerName").isTextual()
          && entry.path("message").isTextual() && entry.path("timestamp").isNumber(), line);
      refusalLogged |= entry.path("formattedMessage").asText().contains("batch refused");
    }
    assertTrue(refusalLogged, "the refused batch is logged: " + lines);
    String log = String.join("\n", lines);
    assertFalse(log.contains(ID_NUMBER) || log.contains(ID_NUMBER.substring(1)), log);
  }

  @Test
  void metricsOnANetworkAddressWithoutATokenOrWithAWeakTokenAreRefusedBeforeAnythingStarts() throws Exception {
    String db = dir.resolve("refused/hub.db").toString();
    Cli open = Cli.run("serve", "--db", db, "--port", "0", "--metrics-port", "0", "--metrics-host", "0.0.0.0");
    assertTrue(open.exitCode() != 0 && open.err().contains("give --metrics-token-file too"), open.err());
    Path weak = dir.resolve("weak-token");
    Files.writeString(weak, "short\n");
    Cli weakToken = Cli.run("serve", "--db", db, "--port", "0", "--metrics-port", "0", "--metrics-token-file",
        weak.toString());
    assertTrue(weakToken.exitCode() != 0 && weakToken.err().contains("at least 16 printable ASCII"), weakToken.err());
    Cli noPort = Cli.run("serve", "--db", db, "--port", "0", "--metrics-token-file", weak.toString());
    assertTrue(noPort.exitCode() != 0 && noPort.err().contains("metrics are never served on --port"), noPort.err());
    assertTrue(Files.notExists(dir.resolve("refused/hub.db")), "nothing was created");
  }

  private static String readLine(BufferedReader out) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (java.io.IOException e) {
        return null;
      }
    }).get(60, TimeUnit.SECONDS);
  }

  private HttpResponse<String> post(String url, String token, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
