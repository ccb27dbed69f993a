package dev.pulse.core.config;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The environment of one function when several run in one JVM (the local runtime). Lambda gives each function its own
 * process environment; locally {@link Env#system()} sees the variables bound here instead, so each composition root
 * reads exactly its own function's configuration. Outside the local runtime nothing is bound and this is inert.
 */
public final class FunctionEnvironment {
    private static final ScopedValue<Map<String, String>> VARIABLES = ScopedValue.newInstance();

    private FunctionEnvironment() {}

    /** Runs {@code work} with {@code variables} as the environment {@link Env#system()} returns. */
    public static <T> T call(Map<String, String> variables, Callable<T> work) throws Exception {
        Map<String, String> copy = Map.copyOf(variables);
        return ScopedValue.where(VARIABLES, copy).call(work::call);
    }

    /** The bound environment, or the process environment when none is bound. */
    static Map<String, String> current() {
        return VARIABLES.isBound() ? VARIABLES.get() : System.getenv();
    }
}
