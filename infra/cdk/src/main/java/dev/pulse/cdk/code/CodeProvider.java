package dev.pulse.cdk.code;

import dev.pulse.core.topology.FunctionSpec;
import software.amazon.awscdk.services.lambda.Code;

/** Supplies each function's deployment package, so stacks take code as an input and tests need no jars. */
@FunctionalInterface
public interface CodeProvider {
    Code codeFor(FunctionSpec function);
}
