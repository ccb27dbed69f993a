package dev.pulse.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Fails its first {@link #FAILURES} invocations, then succeeds; records each invocation's request id. */
public final class FlakyFunction implements RequestHandler<Map<String, Object>, String> {
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final List<String> REQUEST_IDS = new CopyOnWriteArrayList<>();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        REQUEST_IDS.add(context.getAwsRequestId());
        if (FAILURES.getAndDecrement() > 0) {
            throw new IllegalStateException("flaky");
        }
        return "ok";
    }
}
