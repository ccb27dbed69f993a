package dev.pulse.mentions.adapter.cache;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * resilience4j's circuit breaker, set to open after {@code threshold} failures in a row, stay open for {@code openFor}
 * (calls are refused at once), then let one probe call decide between closing and opening again. This keeps a Redis
 * outage from costing every request a command timeout.
 */
public final class ConsecutiveFailureBreaker {
    private ConsecutiveFailureBreaker() {}

    public static CircuitBreaker create(int threshold, Duration openFor, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        // A window of the last `threshold` calls that opens at a 100% failure rate is exactly "threshold failures in a
        // row": one success among them keeps it closed. Slow calls never count: the Redis client has its own timeout.
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(threshold, threshold, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(Duration.ofDays(1))
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(clock)
                .build();
        return CircuitBreaker.of("mentions-redis", config);
    }
}
