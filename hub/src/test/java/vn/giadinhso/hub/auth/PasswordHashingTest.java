package vn.giadinhso.hub.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 10.4: at most two hashes run at once; a third caller is told "busy" instead of queueing. */
class PasswordHashingTest {
  @Test
  void aThirdHashWhileTwoRunIsRefusedAfterAShortWait() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    PasswordHashing hashing = new PasswordHashing(new PasswordHashing.Function() {
      @Override
      public String hash(String password) {
        started.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return "h";
      }

      @Override
      public boolean check(String password, String hash) {
        return false;
      }
    }, 2, Duration.ofMillis(50));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      pool.submit(() -> hashing.hash("a"));
      pool.submit(() -> hashing.hash("b"));
      started.await(10, TimeUnit.SECONDS);
      assertThrows(PasswordHashing.Busy.class, () -> hashing.hash("c"));
      release.countDown();
    } finally {
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    assertEquals(2, hashing.computed());
    assertEquals(2, hashing.peakConcurrent());
    assertEquals("h", hashing.hash("d"), "a turn is free again");
  }
}
