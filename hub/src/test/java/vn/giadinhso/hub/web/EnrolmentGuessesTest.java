package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;

/** Issue 10 point 9: enrolment-code guesses are limited per address; a flood beyond the limit never takes the writer. */
class EnrolmentGuessesTest {
  private static final String ENROL = "/api/v1/kiosks/enrol";

  @TempDir Path dir;
  final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T08:00:00Z"));
  TestHub hub;

  @BeforeEach
  void start() {
    hub = new TestHub(dir, clock);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void tenWrongCodesIn10MinutesAnswer429WithRetryAfterEvenForTheRightCode() throws Exception {
    String code = hub.hub.kiosks.newEnrolmentCode(TestHub.POINT);
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(30));
      assertEquals(401, enrol("ZZZZ-ZZZZ-ZZ" + (10 + i)).statusCode(), "guess " + (i + 1));
    }
    var limited = enrol(code);
    assertEquals(429, limited.statusCode(), limited.body());
    // The first guess was 4.5 minutes ago: it leaves the window in 5.5 minutes.
    assertEquals("330", limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(limited.body().contains("too many wrong enrolment codes"), limited.body());

    clock.advance(Duration.ofSeconds(330));
    assertEquals(201, enrol(code).statusCode(), "once the oldest guess is 10 minutes old, codes are tried again");
  }

  @Test
  void thirtyConcurrentGuessesGetAtMostTenAnswers() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      answers.add(client.sendAsync(HttpRequest.newBuilder(hub.uri(ENROL))
          .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"ZZZZ-ZZZZ-ZZ" + (10 + i) + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    Map<Integer, Integer> byStatus = new TreeMap<>();
    for (var answer : answers) {
      byStatus.merge(answer.get(60, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
    }
    assertEquals(Map.of(401, 10, 429, 20), byStatus, "each guess is counted before its code is looked at");
  }

  @Test
  void nineWrongCodesDoNotBlockTheRightOne() throws Exception {
    String code = hub.hub.kiosks.newEnrolmentCode(TestHub.POINT);
    for (int i = 0; i < 9; i++) {
      assertEquals(401, enrol("ZZZZ-ZZZZ-ZZ" + (10 + i)).statusCode());
    }
    assertEquals(201, enrol(code).statusCode());
  }

  /**
   * The count lives in the database (several hub processes share it), so a counted guess is one
   * small write; a flood beyond the limit is refused from a read and never waits for the writer
   * (decision hub-014).
   */
  @Test
  void aFloodBeyondTheLimitIsAnsweredWhileTheWriterIsBusy() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertEquals(401, enrol("ZZZZ-ZZZZ-ZZ" + (10 + i)).statusCode());
    }
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread writer = new Thread(() -> {
      try {
        hub.hub.db.writer().<InterruptedException>useTransaction(h -> {
          h.execute("UPDATE revision SET value = value WHERE id = 1");
          holding.countDown();
          release.await();
        });
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    writer.start();
    try {
      assertTrue(holding.await(30, TimeUnit.SECONDS));
      HttpClient client = HttpClient.newHttpClient();
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(client.sendAsync(HttpRequest.newBuilder(hub.uri(ENROL))
            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"ZZZZ-ZZZZ-ZY" + (10 + i) + "\"}")).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      // This test holds the writer until after the answers: waiting for it would time out here.
      for (var answer : answers) {
        assertEquals(429, answer.get(30, TimeUnit.SECONDS).statusCode());
      }
    } finally {
      release.countDown();
      writer.join();
    }
  }

  @Test
  void aRepeatedKeyOrAControlCharacterInTheCodeIs400() throws Exception {
    assertEquals(400, hub.post(ENROL, null, "{\"code\":\"AAAA-AAAA-AAAA\",\"code\":\"BBBB-BBBB-BBBB\"}").statusCode());
    var control = hub.post(ENROL, null, "{\"code\":\"AAAA-AAAA-AAAA\\u0000\"}");
    assertEquals(400, control.statusCode());
    assertTrue(control.body().contains("control characters"), control.body());
  }

  private HttpResponse<String> enrol(String code) throws Exception {
    return hub.post(ENROL, null, "{\"code\":\"" + code + "\"}");
  }
}
