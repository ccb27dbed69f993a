package dev.pulse.core.topology;

/**
 * An EventBridge Scheduler schedule: a {@code rate(...)} or {@code cron(...)} expression invoking a function
 * asynchronously. A run that still fails after Lambda's retries (or that the scheduler cannot deliver) lands in
 * {@code onFailureQueue}, a queue the topology declares.
 */
public record ScheduleSpec(String name, String expression, String function, String description, String onFailureQueue) {
    public ScheduleSpec {
        Names.check(name);
        if (!expression.matches("(rate|cron)\\(.+\\)")) {
            throw new IllegalArgumentException("schedule " + name + " needs rate(...) or cron(...): " + expression);
        }
        if (onFailureQueue == null) {
            throw new IllegalArgumentException("schedule " + name + " needs an on-failure queue");
        }
    }
}
