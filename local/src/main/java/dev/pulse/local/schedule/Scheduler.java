package dev.pulse.local.schedule;

import dev.pulse.core.json.Json;
import dev.pulse.core.topology.ScheduleSpec;
import dev.pulse.local.lambda.AsyncInvoker;
import dev.pulse.local.lambda.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires the topology's schedules: one virtual thread per schedule sleeps until the next firing and invokes the target
 * asynchronously (a slow run never delays the next firing), as EventBridge does. A run that keeps failing ends in the
 * schedule's on-failure queue.
 */
public final class Scheduler implements AutoCloseable {
    private final List<ScheduleSpec> schedules;
    private final AsyncInvoker invoker;
    private final ScheduledEventFactory events;
    private final JsonLog log;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();

    public Scheduler(
            List<ScheduleSpec> schedules,
            AsyncInvoker invoker,
            ScheduledEventFactory events,
            JsonLog log,
            Clock clock) {
        this.schedules = List.copyOf(schedules);
        this.invoker = invoker;
        this.events = events;
        this.log = log;
        this.clock = clock;
    }

    public void start() {
        for (ScheduleSpec schedule : schedules) {
            ScheduleExpression expression = ScheduleExpression.parse(schedule.expression());
            threads.add(Thread.ofVirtual().name("schedule-" + schedule.name()).start(() -> loop(schedule, expression)));
        }
    }

    private void loop(ScheduleSpec schedule, ScheduleExpression expression) {
        try {
            fireForever(schedule, expression);
        } catch (IllegalStateException e) {
            // A cron whose years are all past has no next firing; EventBridge just never runs it, nor do we.
            log.runtime(
                    "WARN",
                    "schedule " + schedule.name() + " (" + schedule.expression() + ") never fires again: "
                            + e.getMessage());
        }
    }

    private void fireForever(ScheduleSpec schedule, ScheduleExpression expression) {
        ZonedDateTime next = expression.next(ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC));
        log.runtime("INFO", "schedule " + schedule.name() + " (" + schedule.expression() + ") next fires at " + next);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Duration wait = Duration.between(ZonedDateTime.now(clock), next);
                if (!wait.isNegative()) {
                    Thread.sleep(wait);
                }
            } catch (InterruptedException e) {
                return;
            }
            fire(schedule, next);
            next = expression.next(next);
        }
    }

    /**
     * Invokes the schedule's function once, as the scheduled time {@code time}, without waiting for it. Like Lambda's
     * asynchronous invocation, a failed run is retried, and the last failure goes to the schedule's on-failure queue.
     */
    public void fire(ScheduleSpec schedule, ZonedDateTime time) {
        invoker.invoke(schedule.function(), Json.write(events.event(schedule.name(), time)), schedule.onFailureQueue());
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
    }
}
