package dev.pulse.core.topology;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A Lambda function: its handler class (by name, so core depends on no function), size, limits and grants. */
public record FunctionSpec(
        String name,
        String module,
        String handler,
        int memoryMb,
        Duration timeout,
        Map<String, String> environment,
        List<Access> access) {
    public FunctionSpec {
        Names.check(name);
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("function " + name + " memory must be 128-10240 MB");
        }
        if (timeout.isZero() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("function " + name + " timeout must be within 15 minutes");
        }
        environment = Map.copyOf(environment);
        access = List.copyOf(access);
    }
}
