package dev.pulse.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;

/** Lambda's {@link Context} for one local invocation: identity, limits, a deadline, and a logger tagged with it. */
public final class LocalContext implements Context {
    private final FunctionIdentity function;
    private final String requestId;
    private final long deadlineMillis;
    private final String logStream;
    private final LambdaLogger logger;

    public LocalContext(
            FunctionIdentity function, String requestId, long deadlineMillis, String logStream, JsonLog log) {
        this.function = function;
        this.requestId = requestId;
        this.deadlineMillis = deadlineMillis;
        this.logStream = logStream;
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log(message, LogLevel.INFO);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8), LogLevel.INFO);
            }

            @Override
            public void log(String message, LogLevel level) {
                log.application(function.name(), requestId, level.name(), message.strip());
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return function.logGroup();
    }

    @Override
    public String getLogStreamName() {
        return logStream;
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return FunctionIdentity.VERSION;
    }

    @Override
    public String getInvokedFunctionArn() {
        return function.arn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
