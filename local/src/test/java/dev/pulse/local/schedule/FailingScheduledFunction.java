package dev.pulse.local.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** A scheduled function whose every run fails, as a report job does while its source is down. */
public final class FailingScheduledFunction implements RequestHandler<ScheduledEvent, String> {
    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        throw new IllegalStateException("the report source is down");
    }
}
