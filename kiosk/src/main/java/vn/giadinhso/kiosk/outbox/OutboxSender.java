package vn.giadinhso.kiosk.outbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to the hub on its own thread: oldest first, up to {@link #MAX_BATCH} per
 * request, deleting a batch only after the hub's 200. No answer (or a 5xx) means retry the same
 * batch after a jittered back-off; the hub's ids make the retry harmless if the first try did land.
 * A 400/413 for a batch is narrowed down to the one bad event, which is set aside.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    public static final int MAX_BATCH = 500;

    /** What staff see on the info screen. */
    public record Status(int backlog, boolean hubReachable, Instant lastSuccess, String lastError, int rejected) {
    }

    private final Outbox outbox;
    private final EventPoster poster;
    private final RetryDelay retry;
    private final Clock clock;
    private final Random random = new Random();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean pending;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Status status;

    public OutboxSender(Outbox outbox, EventPoster poster, RetryDelay retry, Clock clock) {
        this.outbox = outbox;
        this.poster = poster;
        this.retry = retry;
        this.clock = clock;
        this.status = new Status(0, false, null, null, 0);
        outbox.onAppend(this::poke);
    }

    public Status status() {
        return status;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** Try now (new event, or the network is said to be back). */
    public void poke() {
        lock.lock();
        try {
            pending = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the outbox is empty; false if it is not within {@code timeout}. */
    public boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (outbox.backlog() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            poke();
            Thread.sleep(50);
        }
        return true;
    }

    private void loop() {
        int failures = 0;
        int batchSize = MAX_BATCH;
        while (running) {
            Duration pause;
            try {
                List<OutboxEvent> batch = outbox.oldest(batchSize);
                if (batch.isEmpty()) {
                    report(true, null);
                    sleep(Duration.ofSeconds(5));
                    continue;
                }
                EventPoster.Reply reply = poster.post(batch);
                if (reply.accepted()) {
                    outbox.acknowledge(batch);
                    failures = 0;
                    // After isolating a bad event, go back to full batches.
                    batchSize = MAX_BATCH;
                    report(true, null);
                    continue;
                }
                if (reply.status() == 400 || reply.status() == 413) {
                    if (batch.size() > 1) {
                        // One event spoils the batch; send one at a time until it is found.
                        batchSize = 1;
                    } else {
                        outbox.reject(batch.get(0), "HTTP " + reply.status() + ": " + reply.error());
                    }
                    report(true, "HTTP " + reply.status() + ": " + reply.error());
                    continue;
                }
                failures++;
                report(false, "HTTP " + reply.status() + (reply.error() == null ? "" : ": " + reply.error()));
                pause = retry.delay(failures - 1, random);
            } catch (IOException e) {
                failures++;
                report(false, "hub unreachable: " + e.getMessage());
                pause = retry.delay(failures - 1, random);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The local database failing must not kill the sender; it tries again later.
                failures++;
                report(false, "local: " + e.getMessage());
                pause = retry.delay(failures - 1, random);
            }
            sleepUninterruptedByPokes(pause);
        }
    }

    private void report(boolean reachable, String error) {
        Status old = status;
        Instant success = reachable && error == null ? clock.instant() : old.lastSuccess();
        int backlog;
        int rejected;
        try {
            backlog = outbox.backlog();
            rejected = outbox.rejected();
        } catch (RuntimeException e) {
            backlog = old.backlog();
            rejected = old.rejected();
        }
        status = new Status(backlog, reachable, success, error, rejected);
        // Once per change, not once per retry: a kiosk offline for a week must not fill its log.
        if (error != null && !error.equals(old.lastError())) {
            LOG.warn("sending to the hub: {} ({} events waiting)", error, backlog);
        } else if (error == null && old.lastError() != null) {
            LOG.info("sending to the hub works again ({} events waiting)", backlog);
        }
        if (rejected > old.rejected()) {
            LOG.warn("{} event(s) refused by the hub and set aside (see the outbox's rejected events)", rejected - old.rejected());
        }
    }

    /** Idle wait: any new event wakes it at once. */
    private void sleep(Duration max) throws InterruptedException {
        lock.lock();
        try {
            long nanos = max.toNanos();
            while (!pending && running && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    // During back-off new events do not shorten the wait (the hub is down for them too), but
    // the cap keeps the wait to seconds.
    private void sleepUninterruptedByPokes(Duration pause) {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
