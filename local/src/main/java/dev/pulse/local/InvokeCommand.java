package dev.pulse.local;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.local.lambda.InvocationResult;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./pulse invoke FUNCTION EVENT.json}: one invocation, like {@code sam local invoke}. The response (or Lambda's
 * error payload) goes to stdout, the function's logs to stderr; the exit status is 1 on a function error.
 */
public final class InvokeCommand {
    private InvokeCommand() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ./pulse invoke FUNCTION EVENT.json   (EVENT.json may be - for stdin)");
            System.exit(2);
        }
        String event = args[1].equals("-")
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(args[1]));
        LocalSettings settings = LocalSettings.fromSystem();
        int status;
        try (LocalFunctions functions =
                new LocalFunctions(PulseTopology.define(), settings, new JsonLog(System.err, true))) {
            InvocationResult result = functions.require(args[0]).invoke(event);
            System.out.println(result.response());
            status = result.failed() ? 1 : 0;
        } catch (IllegalArgumentException e) {
            System.err.println("pulse: error: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }
}
