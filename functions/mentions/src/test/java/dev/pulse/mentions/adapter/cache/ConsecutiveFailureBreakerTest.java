package dev.pulse.mentions.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.testing.SteppedClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The breaker's behaviour as configured for Redis, driven by a clock the test moves (nothing sleeps). */
class ConsecutiveFailureBreakerTest {
    private final SteppedClock clock = new SteppedClock();
    private final CircuitBreaker breaker = ConsecutiveFailureBreaker.create(3, Duration.ofSeconds(5), clock);

    @Test
    void givenConsecutiveFailures_whenThresholdReached_thenOpensAndRefuses() {
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            recordFailure();
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void givenFewerFailuresThanTheThreshold_whenCounted_thenStaysClosed() {
        recordFailure();
        recordFailure();

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    @Test
    void givenOpen_whenWaitNotElapsed_thenStillRefuses() {
        openIt();
        clock.advance(Duration.ofSeconds(4));

        assertThat(breaker.tryAcquirePermission()).isFalse();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void givenOpen_whenWaitElapses_thenOneTrialThenClosesOnSuccess() {
        openIt();
        clock.advance(Duration.ofSeconds(6));

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse(); // only one trial at a time
        recordSuccess();

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    @Test
    void givenTrialFails_whenHalfOpen_thenOpensAgain() {
        openIt();
        clock.advance(Duration.ofSeconds(6));
        breaker.tryAcquirePermission();
        recordFailure();

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void givenSuccessBetweenFailures_whenCounted_thenStaysClosed() {
        recordFailure();
        recordFailure();
        recordSuccess();
        recordFailure();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void givenClosedAgainAfterATrial_whenFailing_thenTheThresholdCountsAfresh() {
        openIt();
        clock.advance(Duration.ofSeconds(6));
        breaker.tryAcquirePermission();
        recordSuccess();

        recordFailure();
        recordFailure();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        recordFailure();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void givenThresholdBelowOne_whenCreated_thenRefused() {
        assertThatThrownBy(() -> ConsecutiveFailureBreaker.create(0, Duration.ofSeconds(5), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void openIt() {
        for (int i = 0; i < 3; i++) {
            recordFailure();
        }
    }

    private void recordFailure() {
        breaker.onError(0, TimeUnit.NANOSECONDS, new IllegalStateException("redis down"));
    }

    private void recordSuccess() {
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    }
}
