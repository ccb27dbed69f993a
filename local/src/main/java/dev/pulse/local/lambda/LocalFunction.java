package dev.pulse.local.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.config.FunctionEnvironment;
import dev.pulse.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function of the topology running in this JVM the way Lambda runs it: a pool of execution environments (handler
 * instances, each used by one invocation at a time and created on demand, i.e. a cold start), the function's own
 * environment variables, and its timeout enforced. An instance that timed out is discarded, as Lambda resets it.
 */
public final class LocalFunction implements AutoCloseable {
    private static final DateTimeFormatter STREAM_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final FunctionIdentity identity;
    private final String handlerClass;
    private final Map<String, String> environment;
    private final JsonLog log;
    private final Semaphore permits;
    private final Deque<Instance> idle = new ConcurrentLinkedDeque<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private record Instance(HandlerAdapter adapter, String logStream) {}

    public LocalFunction(
            FunctionIdentity identity,
            String handlerClass,
            Map<String, String> environment,
            int maxInstances,
            JsonLog log) {
        this.identity = identity;
        this.handlerClass = handlerClass;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.permits = new Semaphore(maxInstances, true);
    }

    public FunctionIdentity identity() {
        return identity;
    }

    public InvocationResult invoke(String event) {
        return invoke(event, UUID.randomUUID().toString());
    }

    /** Invokes synchronously and never throws: handler errors and timeouts come back as function errors. */
    public InvocationResult invoke(String event, String requestId) {
        permits.acquireUninterruptibly();
        try {
            return invokeOnInstance(event, requestId);
        } finally {
            permits.release();
        }
    }

    private InvocationResult invokeOnInstance(String event, String requestId) {
        long initMs = -1;
        Instance instance = idle.pollFirst();
        if (instance == null) {
            long started = System.nanoTime();
            try {
                instance = createInstance();
            } catch (Exception e) {
                Throwable cause = unwrap(e);
                logError(requestId, cause);
                report(requestId, 0, -1, "error");
                return InvocationResult.failure(requestId, error(cause));
            }
            initMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        }
        long timeoutMs = identity.timeout().toMillis();
        long startMs = System.currentTimeMillis();
        LocalContext context = new LocalContext(identity, requestId, startMs + timeoutMs, instance.logStream(), log);
        ObjectNode start =
                Json.mapper().createObjectNode().put("requestId", requestId).put("version", FunctionIdentity.VERSION);
        log.platform(identity.name(), "platform.start", start);
        HandlerAdapter adapter = instance.adapter();
        Future<String> running =
                executor.submit(() -> FunctionEnvironment.call(environment, () -> adapter.invoke(event, context)));
        try {
            String response = running.get(timeoutMs, TimeUnit.MILLISECONDS);
            idle.addFirst(instance);
            report(requestId, System.currentTimeMillis() - startMs, initMs, "success");
            return InvocationResult.success(requestId, response);
        } catch (TimeoutException e) {
            running.cancel(true);
            String message = String.format("Task timed out after %.2f seconds", timeoutMs / 1000.0);
            log.application(identity.name(), requestId, "ERROR", message);
            report(requestId, timeoutMs, initMs, "timeout");
            return InvocationResult.failure(
                    requestId, new InvocationResult.FunctionError("Sandbox.Timedout", message, true));
        } catch (ExecutionException e) {
            idle.addFirst(instance);
            logError(requestId, e.getCause());
            report(requestId, System.currentTimeMillis() - startMs, initMs, "error");
            return InvocationResult.failure(requestId, error(e.getCause()));
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return InvocationResult.failure(
                    requestId,
                    new InvocationResult.FunctionError("Runtime.Interrupted", "runtime shutting down", false));
        }
    }

    private Instance createInstance() throws Exception {
        HandlerAdapter adapter = FunctionEnvironment.call(environment, () -> HandlerAdapter.create(handlerClass));
        String stream = LocalDate.now(ZoneOffset.UTC).format(STREAM_DAY) + "/[" + FunctionIdentity.VERSION + "]"
                + UUID.randomUUID().toString().replace("-", "");
        return new Instance(adapter, stream);
    }

    private void report(String requestId, long durationMs, long initMs, String status) {
        ObjectNode metrics = Json.mapper().createObjectNode();
        metrics.put("durationMs", durationMs);
        metrics.put("billedDurationMs", Math.max(1, durationMs));
        metrics.put("memorySizeMB", identity.memoryMb());
        if (initMs >= 0) {
            metrics.put("initDurationMs", initMs);
        }
        ObjectNode record =
                Json.mapper().createObjectNode().put("requestId", requestId).put("status", status);
        record.set("metrics", metrics);
        log.platform(identity.name(), "platform.report", record);
    }

    private void logError(String requestId, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        log.application(identity.name(), requestId, "ERROR", trace.toString());
    }

    private static InvocationResult.FunctionError error(Throwable error) {
        return new InvocationResult.FunctionError(
                error.getClass().getName(), String.valueOf(error.getMessage()), false);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof InvocationTargetException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof ExceptionInInitializerError && current.getCause() != null) {
            return current.getCause();
        }
        return current;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
