package dev.pulse.mentions.adapter.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A small consecutive-failure breaker: after {@code threshold} failures in a row it opens for {@code openFor}, during
 * which calls are refused at once; then one trial call decides between closing and opening again. This keeps a Redis
 * outage from costing every request a command timeout.
 */
public final class CircuitBreaker {
    /** The breaker's state. */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt = Instant.MIN;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go ahead now; when it does, report its outcome with {@link #onSuccess} or {@link #onFailure}. */
    public synchronized boolean tryAcquire() {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> {
                if (clock.instant().isBefore(openedAt.plus(openFor))) {
                    yield false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                yield true;
            }
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        failures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    public synchronized State state() {
        return state;
    }
}
