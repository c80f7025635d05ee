package vn.giadinhso.kiosk.outbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * A 4xx about the events (400, 413, …; see {@link BatchRefusal}) is narrowed down to the bad event
 * — the one the hub names, else by halving the batch — which goes to the quarantine table; the
 * rest is sent. 401/403 (token), 408/429 and 5xx keep the back-off.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    public static final int MAX_BATCH = 500;

    /** What staff see on the info screen. */
    public record Status(int backlog, boolean hubReachable, Instant lastSuccess, String lastError, int quarantined) {
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
        // Counts from the start, so staff see a quarantine left by an earlier run before the first send.
        this.status = new Status(outbox.backlog(), false, null, null, outbox.quarantineSize());
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
                    // A narrowed size holds while the bad event is looked for; an outbox drained
                    // below it means there is nothing left to narrow down.
                    if (batch.size() < batchSize) {
                        batchSize = MAX_BATCH;
                    }
                    report(true, null);
                    continue;
                }
                if (BatchRefusal.aboutTheEvents(reply.status())) {
                    failures = 0;
                    Optional<OutboxEvent> bad = BatchRefusal.namedEvent(reply.error(), batch)
                            .or(() -> batch.size() == 1 ? Optional.of(batch.get(0)) : Optional.empty());
                    if (bad.isPresent()) {
                        quarantine(bad.get(), reply);
                        batchSize = MAX_BATCH;
                    } else {
                        // The hub did not say which event: halve until the bad one is alone.
                        batchSize = Math.max(1, batch.size() / 2);
                        LOG.info("the hub refused a batch of {} events (HTTP {}: {}) without naming one; trying {}",
                                batch.size(), reply.status(), BatchRefusal.printable(reply.error()), batchSize);
                    }
                    report(true, null);
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

    private void quarantine(OutboxEvent event, EventPoster.Reply reply) {
        outbox.quarantine(event, reply.status(), reply.error() == null ? "" : reply.error());
        // Id, type and the hub's reason only: never the payload, which may hold a household code or phone.
        LOG.warn("event {} ({}) quarantined: the hub refused it with HTTP {}: {}", event.id(), event.type(),
                reply.status(), BatchRefusal.printable(reply.error()));
    }

    private void report(boolean reachable, String error) {
        Status old = status;
        Instant success = reachable && error == null ? clock.instant() : old.lastSuccess();
        int backlog;
        int quarantined;
        try {
            backlog = outbox.backlog();
            quarantined = outbox.quarantineSize();
        } catch (RuntimeException e) {
            backlog = old.backlog();
            quarantined = old.quarantined();
        }
        status = new Status(backlog, reachable, success, error, quarantined);
        // Once per change, not once per retry: a kiosk offline for a week must not fill its log.
        if (error != null && !error.equals(old.lastError())) {
            LOG.warn("sending to the hub: {} ({} events waiting)", error, backlog);
        } else if (error == null && old.lastError() != null) {
            LOG.info("sending to the hub works again ({} events waiting)", backlog);
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
