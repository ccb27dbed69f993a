package dev.pulse.reporting.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Paces the job's search requests so the interactive paths keep their latency: at most {@code limit} in flight, where
 * the limit follows AIMD (one more after each fast request, halved after a slow or failed one, or when OpenSearch's
 * search thread pool has requests queued), and after a halving a pause between requests that doubles while the
 * pressure lasts and decays when it is gone. Every request goes through {@link #call}, which also counts them.
 */
public final class Pacer {
    static final Duration MAX_PAUSE = Duration.ofSeconds(2);
    static final Duration MIN_PAUSE = Duration.ofMillis(25);
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    static final int ATTEMPTS = 4;

    private final int ceiling;
    private final Duration latencyTarget;
    private final SearchPressure pressure;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AtomicLong requests = new AtomicLong();
    private int limit;
    private int inFlight;
    private Duration pause = Duration.ZERO;
    private Instant nextProbe = Instant.MIN;

    /** Waits; a seam so unit tests need not sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Pacer(int ceiling, Duration latencyTarget, SearchPressure pressure, Clock clock, Sleeper sleeper) {
        this.ceiling = ceiling;
        this.latencyTarget = latencyTarget;
        this.pressure = pressure;
        this.clock = clock;
        this.sleeper = sleeper;
        this.limit = 1;
    }

    /** Runs one search request within the pace; a failure is retried with backoff, then rethrown. */
    public <T> T call(Supplier<T> request) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Duration wait = acquire();
            sleep(wait);
            Instant started = clock.instant();
            boolean ok = false;
            try {
                requests.incrementAndGet();
                T result = request.get();
                ok = true;
                return result;
            } catch (RuntimeException e) {
                last = e;
            } finally {
                release(ok, Duration.between(started, clock.instant()));
            }
        }
        throw last;
    }

    /** Search requests made so far, retries included. */
    public long requests() {
        return requests.get();
    }

    public synchronized int limit() {
        return limit;
    }

    public synchronized Duration pause() {
        return pause;
    }

    private synchronized Duration acquire() {
        probe();
        while (inFlight >= limit) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing", e);
            }
        }
        inFlight++;
        return pause;
    }

    private synchronized void release(boolean ok, Duration latency) {
        inFlight--;
        if (!ok || latency.compareTo(latencyTarget) > 0) {
            slowDown();
        } else {
            limit = Math.min(ceiling, limit + 1);
            pause = pause.compareTo(MIN_PAUSE) <= 0 ? Duration.ZERO : pause.dividedBy(2);
        }
        notifyAll();
    }

    /** Asks OpenSearch how busy it is at most once a second; a probe that fails counts as no news. */
    private void probe() {
        Instant now = clock.instant();
        if (now.isBefore(nextProbe)) {
            return;
        }
        nextProbe = now.plus(PROBE_EVERY);
        try {
            if (pressure.queued() > 0) {
                slowDown();
            }
        } catch (RuntimeException e) {
            // The thread-pool probe is advice; latency still paces the job when it cannot be read.
        }
    }

    private void slowDown() {
        limit = Math.max(1, limit / 2);
        Duration doubled = pause.isZero() ? MIN_PAUSE : pause.multipliedBy(2);
        pause = doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
    }

    private void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing", e);
        }
    }
}
