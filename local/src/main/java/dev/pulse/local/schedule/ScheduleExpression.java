package dev.pulse.local.schedule;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An EventBridge schedule expression: {@code rate(value unit)} or a six-field {@code cron(...)}, evaluated in UTC. */
public sealed interface ScheduleExpression permits ScheduleExpression.Rate, CronExpression {

    /** The first firing strictly after {@code after}. */
    ZonedDateTime next(ZonedDateTime after);

    Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    Pattern CRON = Pattern.compile("cron\\((.+)\\)");

    static ScheduleExpression parse(String expression) {
        String text = expression.strip();
        Matcher rate = RATE.matcher(text.toLowerCase(Locale.ROOT));
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            if (value < 1) {
                throw new IllegalArgumentException("rate must be at least 1: " + expression);
            }
            if ((value == 1) != !unit.endsWith("s")) {
                // EventBridge rejects rate(1 minutes) and rate(5 minute).
                throw new IllegalArgumentException(
                        "rate unit must be singular for 1 and plural otherwise: " + expression);
            }
            Duration period = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(value);
                case "hour" -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            };
            return new Rate(period);
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return CronExpression.parse(cron.group(1));
        }
        throw new IllegalArgumentException("not a rate(...) or cron(...) expression: " + expression);
    }

    /** A fixed period; like EventBridge Scheduler, the first firing is one period after the schedule starts. */
    record Rate(Duration period) implements ScheduleExpression {
        @Override
        public ZonedDateTime next(ZonedDateTime after) {
            return after.plus(period);
        }
    }
}
