package vn.giadinhso.kiosk.outbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to the hub on its own thread: oldest first, up to {@link #MAX_BATCH} events
 * (the hub's limit) and {@link #MAX_BATCH_BYTES} per request, deleting a batch only after the hub's
 * 200. Up to {@link #IN_FLIGHT} batches are on the wire at once, the next one read while the others
 * are sent, so a backlog drains at the hub's pace rather than at one round trip per batch; replies
 * are handled oldest batch first. No answer (or a 5xx) means: let the other batches in flight
 * finish (those the hub took are deleted), then retry from the oldest event left after a jittered
 * back-off; the hub's ids make the retry harmless if the first try did land. A 4xx about the events
 * (400, 413, …; see {@link BatchRefusal}) is narrowed down to the bad event — the one the hub names,
 * else by halving the batch, one request at a time — which goes to the quarantine table; the rest is
 * sent. 401/403 (token), 408/429 and 5xx keep the back-off.
 *
 * <p>With several batches in flight the hub may store a later batch before an earlier one (and
 * after a failed request it always does); each event keeps its own time and id, and the hub
 * applies every event type independently of arrival order (docs/protocol.md).
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    /** The hub refuses more than 1,000 events in one request (EventBatchReader.MAX_EVENTS). */
    public static final int MAX_BATCH = 1000;
    /** The hub refuses a body over 1 MiB; this leaves room for the batch's own framing. */
    public static final int MAX_BATCH_BYTES = 900 * 1024;
    /** How often the hub is asked whether it answers again, during a back-off after no answer. */
    static final Duration PROBE_EVERY = Duration.ofMillis(500);
    /** Batches on the wire at once while draining a backlog. */
    public static final int IN_FLIGHT = 3;

    /** What staff see on the info screen. */
    public record Status(int backlog, boolean hubReachable, Instant lastSuccess, String lastError, int quarantined) {
    }

    /** A batch posted and its reply to come. */
    private record Sent(Outbox.Batch batch, Future<EventPoster.Reply> reply) {
    }

    private final Outbox outbox;
    private final EventPoster poster;
    private final RetryDelay retry;
    private final Clock clock;
    private final int inFlight;
    private final int maxBatch;
    private long countedAt = Long.MIN_VALUE;
    private final Random random = new Random();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean pending;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile ExecutorService posts;
    private volatile Status status;

    public OutboxSender(Outbox outbox, EventPoster poster, RetryDelay retry, Clock clock) {
        this(outbox, poster, retry, clock, IN_FLIGHT, MAX_BATCH);
    }

    /**
     * {@code inFlight}: batches on the wire at once (1: strictly one after another); {@code maxBatch}:
     * events per batch, at most {@link #MAX_BATCH} (bench-drain compares settings with these).
     */
    public OutboxSender(Outbox outbox, EventPoster poster, RetryDelay retry, Clock clock, int inFlight, int maxBatch) {
        if (inFlight < 1 || maxBatch < 1 || maxBatch > MAX_BATCH) {
            throw new IllegalArgumentException("inFlight ≥ 1 and 1 ≤ maxBatch ≤ " + MAX_BATCH);
        }
        this.maxBatch = maxBatch;
        this.outbox = outbox;
        this.poster = poster;
        this.retry = retry;
        this.clock = clock;
        this.inFlight = inFlight;
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
        AtomicInteger n = new AtomicInteger();
        posts = Executors.newFixedThreadPool(inFlight, r -> {
            Thread t = new Thread(r, "outbox-post-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
        int batchSize = maxBatch;
        ArrayDeque<Sent> window = new ArrayDeque<>();
        long readUpTo = 0;
        while (running) {
            Duration pause;
            boolean unanswered = false;
            try {
                // While a refused batch is narrowed down, one request at a time: the halves must
                // be answered before the next size is chosen.
                int width = batchSize < maxBatch ? 1 : inFlight;
                while (window.size() < width) {
                    Outbox.Batch next = outbox.after(readUpTo, batchSize, MAX_BATCH_BYTES);
                    if (next.isEmpty()) {
                        break;
                    }
                    readUpTo = next.lastSeq();
                    window.add(new Sent(next, posts.submit(() -> poster.post(next.events()))));
                }
                if (window.isEmpty()) {
                    report(true, null);
                    sleep(Duration.ofSeconds(5));
                    continue;
                }
                Sent head = window.poll();
                EventPoster.Reply reply = replyTo(head);
                if (reply.accepted()) {
                    outbox.acknowledge(head.batch());
                    failures = 0;
                    // A narrowed size holds while the bad event is looked for; an outbox drained
                    // below it means there is nothing left to narrow down.
                    if (head.batch().size() < batchSize) {
                        batchSize = maxBatch;
                    }
                    reportSent(head.batch().size());
                    continue;
                }
                settle(window);
                readUpTo = 0;
                List<OutboxEvent> batch = head.batch().events();
                if (BatchRefusal.aboutTheEvents(reply.status())) {
                    failures = 0;
                    Optional<OutboxEvent> bad = BatchRefusal.namedEvent(reply.error(), batch)
                            .or(() -> batch.size() == 1 ? Optional.of(batch.get(0)) : Optional.empty());
                    if (bad.isPresent()) {
                        quarantine(bad.get(), reply);
                        batchSize = maxBatch;
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
                settleQuietly(window);
                readUpTo = 0;
                failures++;
                report(false, "hub unreachable: " + e.getMessage());
                pause = retry.delay(failures - 1, random);
                unanswered = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The local database failing must not kill the sender; it tries again later.
                settleQuietly(window);
                readUpTo = 0;
                failures++;
                report(false, "local: " + e.getMessage());
                pause = retry.delay(failures - 1, random);
            }
            backOff(pause, unanswered);
        }
    }

    private static EventPoster.Reply replyTo(Sent sent) throws IOException, InterruptedException {
        try {
            return sent.reply().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException) {
                throw new IOException("interrupted while sending", cause);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    /**
     * After the oldest batch in flight failed: waits for the others and deletes those the hub
     * took (acknowledged only); the rest is read again from the oldest event left.
     */
    private void settle(ArrayDeque<Sent> window) throws InterruptedException {
        while (!window.isEmpty()) {
            Sent sent = window.poll();
            try {
                if (replyTo(sent).accepted()) {
                    outbox.acknowledge(sent.batch());
                }
            } catch (IOException e) {
                // No answer: it stays in the outbox and goes again.
            }
        }
    }

    private void settleQuietly(ArrayDeque<Sent> window) {
        try {
            settle(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } catch (RuntimeException e) {
            window.clear();
        }
    }

    private void quarantine(OutboxEvent event, EventPoster.Reply reply) {
        outbox.quarantine(event, reply.status(), reply.error() == null ? "" : reply.error());
        // Id, type and the hub's reason only: never the payload, which may hold a household code or phone.
        LOG.warn("event {} ({}) quarantined: the hub refused it with HTTP {}: {}", event.id(), event.type(),
                reply.status(), BatchRefusal.printable(reply.error()));
    }

    // While a backlog drains, counting the outbox after every batch would cost more than deleting
    // the batch: the count is taken at most once a second and estimated in between.
    private void reportSent(int sent) {
        Status old = status;
        if (old.lastError() != null || System.nanoTime() - countedAt > 1_000_000_000L) {
            report(true, null);
            return;
        }
        status = new Status(Math.max(0, old.backlog() - sent), true, clock.instant(), null, old.quarantined());
    }

    private void report(boolean reachable, String error) {
        countedAt = System.nanoTime();
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
    // the cap keeps the wait to seconds. After "no answer" the hub is asked cheaply every half
    // second whether it answers again, and the wait ends when it does: a backlog leaves within a
    // second of the hub coming back, not after up to the whole capped back-off. After an HTTP
    // error (5xx, 401, 429…) the hub did answer, so the full back-off holds.
    private void backOff(Duration pause, boolean unanswered) {
        long end = System.nanoTime() + pause.toNanos();
        try {
            while (running) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, PROBE_EVERY.toNanos()));
                if (unanswered && end - System.nanoTime() > 0 && poster.answers()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        ExecutorService p = posts;
        if (p != null) {
            p.shutdownNow();
        }
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
