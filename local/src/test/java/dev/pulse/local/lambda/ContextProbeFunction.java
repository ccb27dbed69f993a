package dev.pulse.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.pulse.core.config.Env;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports what a function sees: its Lambda context and, read like a composition root does, its environment. Sleeps
 * when asked, to test the timeout; throws when asked, to test error payloads.
 */
public final class ContextProbeFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final String constructedWith = Env.system().optional("PROBE_SETTING", "unset");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (event.containsKey("sleepMs")) {
            try {
                Thread.sleep(((Number) event.get("sleepMs")).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (event.containsKey("fail")) {
            throw new IllegalStateException(String.valueOf(event.get("fail")));
        }
        context.getLogger().log("probing " + context.getAwsRequestId());
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("requestId", context.getAwsRequestId());
        seen.put("functionName", context.getFunctionName());
        seen.put("functionVersion", context.getFunctionVersion());
        seen.put("arn", context.getInvokedFunctionArn());
        seen.put("memory", context.getMemoryLimitInMB());
        seen.put("remainingMs", context.getRemainingTimeInMillis());
        seen.put("logGroup", context.getLogGroupName());
        seen.put("logStream", context.getLogStreamName());
        seen.put("constructedWith", constructedWith);
        seen.put("grant", Env.system().optional("PULSE_QUEUE_PROBE_QUEUE", "unset"));
        seen.put("lambdaName", Env.system().optional("AWS_LAMBDA_FUNCTION_NAME", "unset"));
        return seen;
    }
}
