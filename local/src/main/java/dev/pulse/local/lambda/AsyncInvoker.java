package dev.pulse.local.lambda;

import dev.pulse.core.json.Json;
import dev.pulse.local.kinesis.FailureDestination;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Invokes a function asynchronously the way Lambda does: the caller does not wait, a failed run is retried after each
 * of the retry delays with the same request id, and a run that still fails goes, as Lambda's on-failure record, to the
 * on-failure destination the topology names.
 */
public final class AsyncInvoker {
    /** Lambda's two retries of a failed asynchronous invocation, after one and then two minutes. */
    public static final List<Duration> LAMBDA_RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));

    private final LocalFunctions functions;
    private final Function<String, FailureDestination> destinations;
    private final List<Duration> retryDelays;
    private final JsonLog log;
    private final Clock clock;

    /** {@code destinations} gives the destination of a queue, by the queue's topology name. */
    public AsyncInvoker(
            LocalFunctions functions,
            Function<String, FailureDestination> destinations,
            List<Duration> retryDelays,
            JsonLog log,
            Clock clock) {
        this.functions = functions;
        this.destinations = destinations;
        this.retryDelays = List.copyOf(retryDelays);
        this.log = log;
        this.clock = clock;
    }

    /** Starts the invocation, with its retries, on a virtual thread and returns at once. */
    public void invoke(String function, String event, String onFailureQueue) {
        Thread.ofVirtual().name("async-" + function).start(() -> run(function, event, onFailureQueue));
    }

    /** Runs the invocation and its retries here; returns the last result, which failed if it reached the queue. */
    public InvocationResult run(String function, String event, String onFailureQueue) {
        LocalFunction target = functions.require(function);
        String requestId = UUID.randomUUID().toString();
        InvocationResult result = target.invoke(event, requestId);
        int attempts = 1;
        while (result.failed() && attempts <= retryDelays.size()) {
            log.runtime(
                    "ERROR",
                    "asynchronous invocation of " + function + " failed (attempt " + attempts + "): "
                            + result.response());
            try {
                Thread.sleep(retryDelays.get(attempts - 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            result = target.invoke(event, requestId);
            attempts++;
        }
        if (result.failed()) {
            giveUp(target.identity(), requestId, attempts, event, result, onFailureQueue);
        }
        return result;
    }

    private void giveUp(
            FunctionIdentity function,
            String requestId,
            int attempts,
            String event,
            InvocationResult result,
            String queue) {
        String record = Json.write(
                AsyncFailureRecord.of(function, requestId, attempts, event, result.response(), clock.instant()));
        try {
            destinations.apply(queue).send(record);
            log.runtime(
                    "ERROR",
                    "asynchronous invocation of " + function.name() + " failed " + attempts + " times; sent to "
                            + queue);
        } catch (RuntimeException e) {
            log.runtime(
                    "ERROR",
                    "asynchronous invocation of " + function.name() + " failed " + attempts
                            + " times and could not be sent to " + queue + ": " + e.getMessage());
        }
    }
}
