package dev.pulse.core.topology;

/** An EventBridge Scheduler schedule: a {@code rate(...)} or {@code cron(...)} expression invoking a function. */
public record ScheduleSpec(String name, String expression, String function, String description) {
    public ScheduleSpec {
        Names.check(name);
        if (!expression.matches("(rate|cron)\\(.+\\)")) {
            throw new IllegalArgumentException("schedule " + name + " needs rate(...) or cron(...): " + expression);
        }
    }
}
