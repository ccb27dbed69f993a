package dev.pulse.reporting.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Paces all of the job's work, its search requests ({@link #call}) and its store calls ({@link #step}) alike, so the
 * interactive paths keep their latency. Two controls, both AIMD:
 *
 * <ul>
 *   <li><b>Concurrency:</b> at most {@code limit} units in flight, up to {@code ceiling} (the {@code pace} flag): one
 *       more after each fast unit, halved after a slow (over the latency target) or failed one, with a pause between
 *       units that doubles while slow units last and decays when they are gone.
 *   <li><b>Duty cycle:</b> the job works at most {@code duty} of the wall time: after a unit that took {@code t}, the
 *       next one waits {@code t × (1 − duty) / duty}. Once a second a probe of OpenSearch's search thread pool asks
 *       whether anyone else is searching (tasks running or queued beyond the job's own): then, as after a slow or
 *       failed unit, the duty halves, down to {@link #MIN_DUTY} so the job always progresses; a probe that finds
 *       the pool to itself adds {@link #DUTY_STEP}, up to 1 (full speed); others searching also halves the limit.
 * </ul>
 *
 * Locally every server shares the same cores, so the duty cycle is what hands the CPU back to the interactive paths;
 * in AWS it keeps the job's share of the shared OpenSearch domain small while users search.
 */
public final class Pacer {
    static final Duration MAX_PAUSE = Duration.ofSeconds(2);
    static final Duration MIN_PAUSE = Duration.ofMillis(25);
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    static final int ATTEMPTS = 4;
    static final double MIN_DUTY = 0.1;
    static final double DUTY_STEP = 0.1;

    private final int ceiling;
    private final Duration latencyTarget;
    private final SearchPressure pressure;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AtomicLong requests = new AtomicLong();
    private int limit;
    private int inFlight;
    private int searchesInFlight;
    private Duration pause = Duration.ZERO;
    private double duty = 1.0;
    private Instant notBefore = Instant.MIN;
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
            try {
                return unit(request, true);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Runs one unit of the job's other work (a batch read or write of the store) within the pace, once: the store's
     * adapter retries what it can, and a failure is the caller's to handle.
     */
    public <T> T step(Supplier<T> work) {
        return unit(work, false);
    }

    /** As {@link #step(Supplier)}, for work without a result. */
    public void step(Runnable work) {
        unit(
                () -> {
                    work.run();
                    return null;
                },
                false);
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

    /** The share of wall time the job may work now, from {@link #MIN_DUTY} to 1. */
    public synchronized double duty() {
        return duty;
    }

    private <T> T unit(Supplier<T> work, boolean search) {
        sleep(acquire(search));
        Instant started = clock.instant();
        boolean ok = false;
        try {
            if (search) {
                requests.incrementAndGet();
            }
            T result = work.get();
            ok = true;
            return result;
        } finally {
            release(ok, search, started, clock.instant());
        }
    }

    private synchronized Duration acquire(boolean search) {
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
        if (search) {
            searchesInFlight++;
        }
        Instant now = clock.instant();
        Duration rest = now.isBefore(notBefore) ? Duration.between(now, notBefore) : Duration.ZERO;
        return rest.compareTo(pause) > 0 ? rest : pause;
    }

    private synchronized void release(boolean ok, boolean search, Instant started, Instant ended) {
        inFlight--;
        if (search) {
            searchesInFlight--;
        }
        Duration latency = Duration.between(started, ended);
        if (!ok || latency.compareTo(latencyTarget) > 0) {
            slowDown();
        } else {
            limit = Math.min(ceiling, limit + 1);
            pause = pause.compareTo(MIN_PAUSE) <= 0 ? Duration.ZERO : pause.dividedBy(2);
        }
        if (duty < 1.0) {
            long restNanos = (long) (latency.toNanos() * (1.0 - duty) / duty);
            Instant from = ended.isAfter(notBefore) ? ended : notBefore;
            notBefore = from.plusNanos(restNanos);
        }
        notifyAll();
    }

    /**
     * Asks OpenSearch how busy its search pool is at most once a second: others searching halves the limit and the
     * duty (no pause: that is for units that were slow themselves), the pool to the job alone raises the duty. A probe
     * that fails counts as no news.
     */
    private void probe() {
        Instant now = clock.instant();
        if (now.isBefore(nextProbe)) {
            return;
        }
        nextProbe = now.plus(PROBE_EVERY);
        long busy;
        try {
            busy = pressure.busy();
        } catch (RuntimeException e) {
            return; // The probe is advice; latency still paces the job when it cannot be read.
        }
        if (busy > searchesInFlight) {
            limit = Math.max(1, limit / 2);
            duty = Math.max(MIN_DUTY, duty / 2);
        } else {
            duty = Math.min(1.0, duty + DUTY_STEP);
        }
    }

    private void slowDown() {
        limit = Math.max(1, limit / 2);
        Duration doubled = pause.isZero() ? MIN_PAUSE : pause.multipliedBy(2);
        pause = doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
        duty = Math.max(MIN_DUTY, duty / 2);
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
