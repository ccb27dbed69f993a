package dev.pulse.local.lambda;

import java.time.Duration;

/** Who a local function is, as Lambda would name it: name, ARN, log group, memory and timeout. */
public record FunctionIdentity(String name, String arn, int memoryMb, Duration timeout) {
    public static final String VERSION = "$LATEST";

    public String logGroup() {
        return "/aws/lambda/" + name;
    }
}
