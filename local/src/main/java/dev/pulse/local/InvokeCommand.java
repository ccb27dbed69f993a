package dev.pulse.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.lambda.InvocationResult;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code ./pulse invoke FUNCTION EVENT.json}: one invocation, like {@code sam local invoke}. The response (or Lambda's
 * error payload) goes to stdout, the function's logs to stderr; the exit status is 1 on a function error and 2 on bad
 * arguments (unknown function, unreadable or invalid event file), which are reported in one line.
 */
public final class InvokeCommand {
    private InvokeCommand() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            usage("FUNCTION and EVENT.json are required");
        }
        Topology topology = PulseTopology.define();
        if (topology.function(args[0]).isEmpty()) {
            usage("no function named " + args[0] + " in the topology; known: "
                    + topology.functions().stream().map(FunctionSpec::name).toList());
        }
        String event = readEvent(args[1]);
        // Functions log (Powertools, EMF) to System.out, as in Lambda; here stdout carries only the response.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        int status;
        try (LocalFunctions functions =
                new LocalFunctions(topology, LocalSettings.fromSystem(), new JsonLog(System.err, true))) {
            InvocationResult result = functions.require(args[0]).invoke(event);
            stdout.println(result.response());
            status = result.failed() ? 1 : 0;
        } catch (IllegalArgumentException e) {
            System.err.println("pulse: error: " + e.getMessage());
            status = 2;
        }
        stdout.flush();
        System.exit(status);
    }

    private static String readEvent(String source) {
        String event;
        try {
            event = source.equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source));
        } catch (NoSuchFileException e) {
            usage("no such event file: " + source);
            return "";
        } catch (IOException | RuntimeException e) {
            usage("cannot read the event " + source + ": " + e.getMessage());
            return "";
        }
        try {
            Json.mapper().readTree(event);
        } catch (JsonProcessingException e) {
            usage("the event " + source + " is not valid JSON: " + e.getOriginalMessage());
        }
        return event;
    }

    private static void usage(String problem) {
        System.err.println("pulse: error: " + problem);
        System.err.println("usage: ./pulse invoke FUNCTION EVENT.json   (EVENT.json may be - for stdin)");
        System.exit(2);
    }
}
