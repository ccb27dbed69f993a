package dev.pulse.cdk;

import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.RouteSpec;
import dev.pulse.core.topology.ScheduleSpec;
import dev.pulse.core.topology.StreamCapacity;
import dev.pulse.core.topology.StreamSpec;
import dev.pulse.core.topology.TableSpec;
import dev.pulse.core.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real topology plus the shapes the functions still to come will add: one more route of the accounts function
 * that requires scopes of its own, a table with a sort key and a TTL, and a scheduled reporting function that writes a table and (for the
 * endpoint rule) a stream, whose failed runs go to its own on-failure queue; and an on-demand stream, kept two days.
 */
public final class FixtureTopology {
    /** The real accounts function, given one more route with scopes of its own. */
    public static final String ACCOUNTS = PulseTopology.ACCOUNTS_FUNCTION;
    /** A table with both a sort key and a TTL. */
    public static final String SESSIONS_TABLE = "sessions";

    public static final String REPORTING = "reporting";
    public static final String SCHEDULE = "hourly-snapshots";
    public static final String REPORTING_FAILURES = "reporting-failures";
    public static final String REPORT_EVENTS_STREAM = "report-events";
    public static final String READ_SCOPE = "pulse/read";
    public static final String ADMIN_SCOPE = "pulse/admin";

    private FixtureTopology() {}

    public static Topology define() {
        Topology real = PulseTopology.define();
        List<StreamSpec> streams = new ArrayList<>(real.streams());
        streams.add(StreamSpec.uniform(REPORT_EVENTS_STREAM, 1, StreamCapacity.ON_DEMAND, Duration.ofHours(48)));
        List<TableSpec> tables = new ArrayList<>(real.tables());
        tables.add(new TableSpec(SESSIONS_TABLE, "tenantId", Optional.of("sk"), Optional.of("expiresAt")));
        List<FunctionSpec> functions = new ArrayList<>(real.functions());
        functions.add(new FunctionSpec(
                REPORTING,
                "functions/reporting",
                "dev.pulse.reporting.SnapshotHandler",
                2048,
                Duration.ofMinutes(10),
                Map.of(),
                List.of(
                        Access.reads(Access.Kind.SEARCH, PulseTopology.POSTS_TEMPLATE),
                        Access.writes(Access.Kind.TABLE, PulseTopology.REPORTS_TABLE),
                        Access.writes(Access.Kind.STREAM, PulseTopology.POSTS_STREAM))));
        List<QueueSpec> queues = new ArrayList<>(real.queues());
        queues.add(QueueSpec.deadLetter(REPORTING_FAILURES, "report runs that failed after Lambda's retries"));
        List<RouteSpec> routes = new ArrayList<>(real.routes());
        routes.add(RouteSpec.scoped("GET", "/accounts/{id}", ACCOUNTS, READ_SCOPE, ADMIN_SCOPE));
        return new Topology(
                streams,
                tables,
                queues,
                real.aliases(),
                real.indexTemplates(),
                functions,
                routes,
                List.of(new ScheduleSpec(
                        SCHEDULE, "rate(1 hour)", REPORTING, "hourly dashboard snapshots", REPORTING_FAILURES)),
                real.streamMappings(),
                real.queueMappings());
    }
}
