package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;

/** {@code serve} as an operator runs it: a separate process, stopped with SIGTERM. */
class ServeProcessTest {
  @TempDir Path dir;

  @Test
  void servePrintsWhereItListensAnswersAndStopsCleanlyOnSigterm() throws Exception {
    Path db = dir.resolve("data/hub.db");
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "vn.giadinhso.hub.HubMain"));
    command.addAll(List.of(vn.giadinhso.hub.TestDatabase.cliArgs("serve", "--db", db.toString(), "--port", "0")));
    Process hub = new ProcessBuilder(command)
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (java.io.IOException e) {
          return null;
        }
      }).get(60, TimeUnit.SECONDS);
      Matcher m = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(line));
      assertTrue(m.matches(), "first line was: " + line + " / stderr: " + Files.readString(dir.resolve("stderr.txt")));
      // "Once it accepts requests": the line comes after the server is up, so this answers at once.
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/api/v1/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      hub.destroy(); // SIGTERM
      assertTrue(hub.waitFor(30, TimeUnit.SECONDS), "the hub must stop within 30 s of SIGTERM");
      assertTrue(hub.exitValue() == 0 || hub.exitValue() == 143, "exit value " + hub.exitValue());
    } finally {
      hub.destroyForcibly();
    }
    // Closed cleanly: the WAL was checkpointed and removed, and the database opens again.
    if (!vn.giadinhso.hub.TestDatabase.postgres()) {
      assertTrue(Files.notExists(dir.resolve("data/hub.db-wal")), "WAL left behind: not a clean shutdown");
    }
    try (HubApp reopened = vn.giadinhso.hub.TestDatabase.open(db, Clock.systemUTC())) {
      assertEquals(0, reopened.events.count());
    }
  }
}
