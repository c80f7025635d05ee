package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.LoginThrottle;
import vn.giadinhso.hub.auth.PasswordHashing;
import vn.giadinhso.hub.auth.UserStore;

/**
 * Issue 10.4: login throttling holds under concurrent floods, reads X-Forwarded-For only from a
 * trusted proxy, and slows guessing without locking the real user out. The clock stands still
 * unless a test moves it, so "during the wait" and "after the wait" are exact.
 */
class LoginFloodTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir Path dir;
  final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T01:00:00Z"));
  TestHub hub;

  TestHub start(ClientAddress clientAddress) {
    hub = new TestHub(dir, clock, null, clientAddress);
    hub.hub.users.create("admin", PASSWORD, UserStore.Role.ADMIN, null);
    return hub;
  }

  @AfterEach
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void thirtyConcurrentWrongPasswordsHashOnlyAHandfulAndTheAdminStillGetsIn() throws Exception {
    start(ClientAddress.none());
    long before = hub.hub.users.hashing().computed();

    List<Integer> statuses = concurrently(30, i -> postLogin(new StaffClient(hub), "admin", "sai-mat-khau-" + i));

    long hashed = hub.hub.users.hashing().computed() - before;
    assertTrue(hashed <= 3, "hashed " + hashed + " of 30 concurrent guesses");
    assertEquals(hashed, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
    // The rest were refused by the throttle; an admitted one may find both hashing turns taken
    // on a loaded machine and be told "busy" (503), also without hashing.
    assertTrue(statuses.stream().filter(s -> s == 429).count() >= 27, statuses.toString());
    assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429 || s == 503), statuses.toString());

    // A guess told "busy" was never checked and does not count; on a loaded machine that can
    // leave the account short of its free failures, so top them up one guess at a time.
    for (long i = hashed; i < LoginThrottle.FREE_PER_USER; i++) {
      assertEquals(401, postLogin(new StaffClient(hub), "admin", "sai-mat-khau-them-" + i).call());
    }
    long checked = hub.hub.users.hashing().computed() - before;

    // During the wait even the right password is refused, without being hashed…
    StaffClient admin = new StaffClient(hub);
    HttpResponse<String> early = admin.login("admin", PASSWORD);
    assertEquals(429, early.statusCode());
    assertTrue(early.body().contains("Thử lại sau"), early.body());
    assertEquals(checked, hub.hub.users.hashing().computed() - before);
    // …and once it has passed, the admin signs in: a flood is no lockout.
    clock.advance(LoginThrottle.MAX_DELAY);
    assertEquals(303, admin.login("admin", PASSWORD).statusCode());
  }

  @Test
  void eachFurtherFailureDoublesTheWaitAndAttemptsDuringItDoNotLengthenIt() throws Exception {
    start(ClientAddress.none());
    StaffClient client = new StaffClient(hub);
    for (int i = 0; i < 3; i++) {
      assertEquals(401, client.login("admin", "sai-mat-khau-" + i).statusCode(), "the first failures cost nothing");
    }
    assertEquals(429, client.login("admin", "sai-mat-khau-3").statusCode());
    clock.advance(java.time.Duration.ofSeconds(1));
    assertEquals(401, client.login("admin", "sai-mat-khau-4").statusCode(), "checked after a 1 s wait");
    clock.advance(java.time.Duration.ofSeconds(1));
    assertEquals(429, client.login("admin", "sai-mat-khau-5").statusCode(), "now the wait is 2 s");
    clock.advance(java.time.Duration.ofSeconds(1));
    assertEquals(303, client.login("admin", PASSWORD).statusCode());
  }

  @Test
  void xForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    start(ClientAddress.none());
    // Eleven made-up names, each "from" a different forwarded address: all one client, throttled.
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(new StaffClient(hub).withHeader("X-Forwarded-For", "203.0.113." + i)
          .login("khong-co-" + i, "sai-mat-khau").statusCode());
    }
    assertEquals(List.of(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429, 429), statuses);
    assertTrue(hub.hub.audit.recent(null, 50).stream().filter(e -> e.action().equals("login.failed"))
        .allMatch(e -> e.detail().equals("from 127.0.0.1")));
  }

  @Test
  void xForwardedForFromATrustedProxyNamesTheClient() throws Exception {
    start(new ClientAddress(List.of("127.0.0.1")));
    for (int i = 0; i < 10; i++) {
      assertEquals(401, new StaffClient(hub).withHeader("X-Forwarded-For", "203.0.113.9")
          .login("khong-co-" + i, "sai-mat-khau").statusCode());
    }
    assertEquals(429, new StaffClient(hub).withHeader("X-Forwarded-For", "203.0.113.9")
        .login("khong-co-x", "sai-mat-khau").statusCode(), "the flooding client waits");
    // A different client behind the same proxy is not held up by it. The left-most entry is
    // whatever the client claimed; the right-most one not a trusted proxy is what the proxy saw.
    assertEquals(303, new StaffClient(hub).withHeader("X-Forwarded-For", "203.0.113.9, 198.51.100.20, 127.0.0.1")
        .login("admin", PASSWORD).statusCode());
    var signIn = hub.hub.audit.recent(null, 5).stream().filter(e -> e.action().equals("login")).findFirst().orElseThrow();
    assertEquals("from 198.51.100.20", signIn.detail());
  }

  @Test
  void sixtyConcurrentLoginsNeverHashMoreThanTwoAtOnce() throws Exception {
    start(new ClientAddress(List.of("127.0.0.1")));
    // Each "from" its own address with its own name, so the throttle admits every one: only the
    // hashing gate stands between them and 60 × 19 MiB of Argon2 memory.
    List<Integer> statuses = concurrently(60, i -> postLogin(
        new StaffClient(hub).withHeader("X-Forwarded-For", "198.51.100." + i), "khong-co-" + i, "sai-mat-khau"));
    assertTrue(hub.hub.users.hashing().peakConcurrent() <= PasswordHashing.PERMITS,
        "peak " + hub.hub.users.hashing().peakConcurrent());
    assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 503), statuses.toString());
  }

  @Test
  void forgottenFailuresLeaveTheDatabaseAndATypedIdNumberIsNeverStored() throws Exception {
    start(new ClientAddress(List.of("127.0.0.1")));
    for (int i = 0; i < 8; i++) {
      assertEquals(401, new StaffClient(hub).withHeader("X-Forwarded-For", "198.51.100." + i)
          .login("khong-co-" + i, "sai-mat-khau").statusCode());
    }
    assertEquals(401, new StaffClient(hub).login("052190012345", "sai-mat-khau").statusCode());
    List<String> held = throttleKeys();
    assertEquals(8 + 8 + 2, held.size(), held.toString());
    assertTrue(held.stream().noneMatch(k -> k.contains("052190012345")), "a typed ID number is not stored: " + held);

    // An hour after their last attempt failures are forgotten, and the next sweep deletes their rows.
    clock.advance(LoginThrottle.FORGET_AFTER.plus(LoginThrottle.SWEEP_EVERY));
    assertEquals(401, new StaffClient(hub).login("admin", "sai-mat-khau").statusCode());
    assertEquals(List.of("a:127.0.0.1", "u:admin"), throttleKeys());
  }

  private List<String> throttleKeys() throws Exception {
    List<String> keys = new ArrayList<>();
    try (var c = vn.giadinhso.hub.TestDatabase.connect(dir.resolve("hub.db"));
        var rs = c.createStatement().executeQuery("SELECT key FROM login_throttle ORDER BY key")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  /** Prepares each client's login form first, then fires all posts at once. */
  private static List<Integer> concurrently(int n, IntFunction<java.util.concurrent.Callable<Integer>> attempt)
      throws Exception {
    List<java.util.concurrent.Callable<Integer>> attempts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      attempts.add(attempt.apply(i));
    }
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (var a : attempts) {
        results.add(pool.submit(() -> {
          go.await();
          return a.call();
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static java.util.concurrent.Callable<Integer> postLogin(StaffClient client, String username, String password) {
    try {
      client.get("/login");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return () -> client.postForm("/login", Map.of("username", username, "password", password)).statusCode();
  }
}
