package dev.pulse.bench.web;

import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.LocalPort;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import dev.pulse.local.LocalRuntime;
import dev.pulse.local.LocalSettings;
import dev.pulse.local.http.HttpApiServer;
import dev.pulse.local.http.HttpEventFactory;
import dev.pulse.local.http.RouteTable;
import dev.pulse.local.lambda.JsonLog;
import dev.pulse.local.lambda.LocalFunctions;
import dev.pulse.local.web.StaticSite;
import dev.pulse.local.web.WebApp;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local runtime's HTTP API as {@code ./pulse run} serves it (the topology's routes, the built web app beside them),
 * with the mentions function on the bench's pages alias and a cache namespace of its own. The bench types only into
 * the composer, which calls the one public route, so no authorizer is needed.
 */
final class BenchRuntime implements AutoCloseable {
    private final PrintStream logStream;
    private final Path log;
    private final LocalFunctions functions;
    private final HttpApiServer api;
    private final String base;

    private BenchRuntime(PrintStream logStream, Path log, LocalFunctions functions, HttpApiServer api, int port) {
        this.logStream = logStream;
        this.log = log;
        this.functions = functions;
        this.api = api;
        this.base = "http://127.0.0.1:" + port;
    }

    static BenchRuntime start(String pagesAlias, Path site, Path log) throws Exception {
        Topology topology = PulseTopology.define();
        Map<String, String> overrides = new HashMap<>();
        for (Access access :
                topology.requireFunction(PulseTopology.MENTIONS_FUNCTION).access()) {
            switch (access.kind()) {
                case SEARCH -> overrides.put(access.environmentVariable(), pagesAlias);
                case CACHE ->
                    overrides.put(
                            access.environmentVariable(), "bench-web-" + access.resource() + "-" + System.nanoTime());
                default -> {}
            }
        }
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.put(LocalPort.API.variable(), "0");
        LocalSettings settings = LocalSettings.fromEnvironment(variables);
        // Function logs go to a file: the terminal shows the bench's progress.
        PrintStream logStream = new PrintStream(new FileOutputStream(log.toFile()), true, StandardCharsets.UTF_8);
        JsonLog jsonLog = new JsonLog(logStream, false);
        LocalFunctions functions = new LocalFunctions(topology, settings, jsonLog, overrides);
        HttpApiServer api = new HttpApiServer(
                new RouteTable(topology.routes()),
                functions,
                Optional.empty(),
                new HttpEventFactory(LocalSettings.ACCOUNT_ID, LocalRuntime.API_ID),
                jsonLog,
                new WebApp(StaticSite.at(site), Optional.empty()));
        return new BenchRuntime(logStream, log, functions, api, api.start(0));
    }

    String base() {
        return base;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        api.close();
        functions.close();
        logStream.close();
    }
}
