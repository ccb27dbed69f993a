package dev.pulse.local.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the scheduled events it receives, typed by Lambda's serializer. */
public final class ScheduleProbeFunction implements RequestHandler<ScheduledEvent, String> {
    static final List<ScheduledEvent> RECEIVED = new CopyOnWriteArrayList<>();

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        RECEIVED.add(event);
        return "ok";
    }
}
