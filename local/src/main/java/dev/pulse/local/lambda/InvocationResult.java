package dev.pulse.local.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import java.util.Optional;

/**
 * What one invocation returned: the response JSON, or a function error with Lambda's error payload. A timeout is a
 * function error too, as in Lambda ({@code "Task timed out after N seconds"}).
 */
public record InvocationResult(String requestId, String response, Optional<FunctionError> error) {

    /** A function error: Lambda's {@code X-Amz-Function-Error} kind and its {@code errorType}/{@code errorMessage}. */
    public record FunctionError(String errorType, String errorMessage, boolean timedOut) {
        public String payload() {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("errorMessage", errorMessage);
            node.put("errorType", errorType);
            return Json.write(node);
        }
    }

    public static InvocationResult success(String requestId, String response) {
        return new InvocationResult(requestId, response, Optional.empty());
    }

    public static InvocationResult failure(String requestId, FunctionError error) {
        return new InvocationResult(requestId, error.payload(), Optional.of(error));
    }

    public boolean failed() {
        return error.isPresent();
    }

    public boolean timedOut() {
        return error.map(FunctionError::timedOut).orElse(false);
    }
}
