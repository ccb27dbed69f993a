package dev.pulse.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static ZonedDateTime at(String iso) {
        return ZonedDateTime.parse(iso);
    }

    private static ZonedDateTime next(String expression, String after) {
        return ScheduleExpression.parse(expression).next(at(after));
    }

    @Test
    void givenRates_whenParsed_thenPeriods() {
        assertThat(ScheduleExpression.parse("rate(1 minute)"))
                .isEqualTo(new ScheduleExpression.Rate(Duration.ofMinutes(1)));
        assertThat(ScheduleExpression.parse("rate(5 minutes)"))
                .isEqualTo(new ScheduleExpression.Rate(Duration.ofMinutes(5)));
        assertThat(ScheduleExpression.parse("rate(2 hours)"))
                .isEqualTo(new ScheduleExpression.Rate(Duration.ofHours(2)));
        assertThat(ScheduleExpression.parse("rate(1 day)")).isEqualTo(new ScheduleExpression.Rate(Duration.ofDays(1)));
        assertThat(next("rate(5 minutes)", "2026-01-01T00:00:00Z")).isEqualTo(at("2026-01-01T00:05:00Z"));
    }

    @Test
    void givenBadRates_whenParsed_thenRejectedLikeEventBridge() {
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 minutes)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 minute)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 hours)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenHourlyCron_whenNext_thenTopOfNextHour() {
        assertThat(next("cron(0 * * * ? *)", "2026-03-10T05:16:23Z")).isEqualTo(at("2026-03-10T06:00:00Z"));
    }

    @Test
    void givenStepsAndRanges_whenNext_thenNextMatchingMinute() {
        assertThat(next("cron(0/15 9-17 ? * MON-FRI *)", "2026-11-27T17:50:00Z")) // a Friday
                .isEqualTo(at("2026-11-30T09:00:00Z")); // the next Monday
        assertThat(next("cron(0/15 9-17 ? * MON-FRI *)", "2026-11-26T10:07:00Z"))
                .isEqualTo(at("2026-11-26T10:15:00Z"));
    }

    @Test
    void givenDailyAtTime_whenAlreadyPast_thenTomorrow() {
        assertThat(next("cron(30 2 * * ? *)", "2026-11-26T02:30:00Z")).isEqualTo(at("2026-11-27T02:30:00Z"));
    }

    @Test
    void givenLastDayAndNthWeekday_whenNext_thenEventBridgeSemantics() {
        assertThat(next("cron(0 0 L * ? *)", "2026-02-01T00:00:00Z")).isEqualTo(at("2026-02-28T00:00:00Z"));
        assertThat(next("cron(0 12 ? * 2#1 *)", "2026-11-26T00:00:00Z")).isEqualTo(at("2026-12-07T12:00:00Z"));
        assertThat(next("cron(0 12 ? * 6L *)", "2026-11-01T00:00:00Z")).isEqualTo(at("2026-11-27T12:00:00Z"));
        assertThat(next("cron(0 8 15W * ? *)", "2026-08-01T00:00:00Z")) // 15 Aug 2026 is a Saturday
                .isEqualTo(at("2026-08-14T08:00:00Z"));
    }

    @Test
    void givenYearField_whenPast_thenNeverAgain() {
        assertThatThrownBy(() -> next("cron(0 0 1 1 ? 2020)", "2026-01-01T00:00:00Z"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(next("cron(0 0 1 JAN ? 2027-2030)", "2026-06-01T00:00:00Z")).isEqualTo(at("2027-01-01T00:00:00Z"));
    }

    @Test
    void givenInvalidCron_whenParsed_thenRejected() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 * * * *)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 * * * * *)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 * ? * ? *)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(61 * * * ? *)"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
