package dev.pulse.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {

    private static FunctionSpec function(String name, Access... access) {
        return new FunctionSpec(
                name, "functions/x", "dev.pulse.X", 512, Duration.ofSeconds(10), Map.of(), List.of(access));
    }

    private static Topology withFunctions(List<FunctionSpec> functions, List<RouteSpec> routes) {
        return withSchedules(functions, routes, List.of());
    }

    private static Topology withSchedules(
            List<FunctionSpec> functions, List<RouteSpec> routes, List<ScheduleSpec> schedules) {
        Topology pulse = PulseTopology.define();
        return new Topology(
                pulse.streams(),
                pulse.tables(),
                pulse.queues().stream().filter(q -> !q.isWork()).toList(),
                pulse.aliases(),
                pulse.indexTemplates(),
                functions,
                routes,
                schedules,
                List.of());
    }

    private static ScheduleSpec hourly(String name, String function, String onFailureQueue) {
        return new ScheduleSpec(name, "rate(1 hour)", function, "test", onFailureQueue);
    }

    @Test
    void pulseTopology_isValidAndDeclaresTheIngestResources() {
        Topology topology = PulseTopology.define();

        assertThat(topology.streams()).extracting(StreamSpec::name).containsExactly("posts");
        assertThat(topology.aliases()).extracting(AliasSpec::alias).contains("pages");
        assertThat(topology.indexTemplates())
                .extracting(IndexTemplateSpec::pattern)
                .contains("posts-*");
        assertThat(topology.queues()).extracting(QueueSpec::name).contains("ingest-quarantine", "ingest-failures");
    }

    @Test
    void everyIndexDefinition_isOnTheClasspath() {
        Topology topology = PulseTopology.define();

        topology.aliases()
                .forEach(a -> assertThat(getClass().getClassLoader().getResource(a.definition()))
                        .as(a.definition())
                        .isNotNull());
        topology.indexTemplates()
                .forEach(t -> assertThat(getClass().getClassLoader().getResource(t.definition()))
                        .as(t.definition())
                        .isNotNull());
    }

    @Test
    void givenRouteToUndeclaredFunction_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> withFunctions(List.of(), List.of(new RouteSpec("GET", "/x", "ghost", false))))
                .hasMessageContaining("ghost");
    }

    @Test
    void givenGrantOnUndeclaredTable_whenBuilt_thenRejected() {
        var fn = function("reader", Access.reads(Access.Kind.TABLE, "missing-table"));

        assertThatThrownBy(() -> withFunctions(List.of(fn), List.of())).hasMessageContaining("missing-table");
    }

    @Test
    void givenDuplicateFunction_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> withFunctions(List.of(function("alpha"), function("alpha")), List.of()))
                .hasMessageContaining("duplicate function alpha");
    }

    @Test
    void givenGrant_thenEnvironmentVariableDerivesFromName() {
        assertThat(Access.reads(Access.Kind.TABLE, "tracked-pages").environmentVariable())
                .isEqualTo("PULSE_TABLE_TRACKED_PAGES");
    }

    @Test
    void givenBadScheduleExpression_thenRejected() {
        assertThatThrownBy(() -> new ScheduleSpec("hourly", "every hour", "f", "", "f-failures"))
                .hasMessageContaining("rate(");
    }

    @Test
    void givenScheduleWithoutFailureQueue_thenRejected() {
        assertThatThrownBy(() -> hourly("hourly", "f", null)).hasMessageContaining("on-failure queue");
    }

    @Test
    void givenScheduleFailingToUndeclaredQueue_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> withSchedules(
                        List.of(function("reporter")), List.of(), List.of(hourly("hourly", "reporter", "lost-runs"))))
                .hasMessageContaining("schedule hourly on-failure destination")
                .hasMessageContaining("lost-runs");
    }

    @Test
    void givenTwoSchedulesOfOneFunctionWithDifferentFailureQueues_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> withSchedules(
                        List.of(function("reporter")),
                        List.of(),
                        List.of(
                                hourly("hourly", "reporter", PulseTopology.QUARANTINE_QUEUE),
                                hourly("nightly", "reporter", PulseTopology.INGEST_FAILURE_QUEUE))))
                .hasMessageContaining("function reporter has one asynchronous on-failure destination");
    }

    @Test
    void givenScheduledFunction_thenItsAsyncFailureQueueIsTheOneItsSchedulesName() {
        Topology topology = withSchedules(
                List.of(function("reporter"), function("idle")),
                List.of(),
                List.of(
                        hourly("hourly", "reporter", PulseTopology.INGEST_FAILURE_QUEUE),
                        hourly("nightly", "reporter", PulseTopology.INGEST_FAILURE_QUEUE)));

        assertThat(topology.asyncFailureQueue("reporter")).contains(PulseTopology.INGEST_FAILURE_QUEUE);
        assertThat(topology.asyncFailureQueue("idle")).isEmpty();
    }

    @Test
    void givenAliasWhoseIndexIsNotAVersion_thenRejected() {
        assertThatThrownBy(() -> new AliasSpec("pages", "people-v1", "x.json")).hasMessageContaining("version");
    }

    @Test
    void givenRoute_thenRouteKeyIsApiGatewayStyle() {
        assertThat(new RouteSpec("GET", "/mentions", "mentions", false).routeKey())
                .isEqualTo("GET /mentions");
    }

    @Test
    void givenScopedRoute_thenAuthorizedWithItsScopes() {
        RouteSpec route = RouteSpec.scoped("GET", "/accounts/me", "accounts", "pulse/read", "pulse/admin");

        assertThat(route.authorized()).isTrue();
        assertThat(route.scopes()).containsExactly("pulse/read", "pulse/admin");
        assertThat(new RouteSpec("GET", "/me", "accounts", true).scopes()).isEmpty();
    }

    @Test
    void givenScopesOnAPublicRouteOrABlankScope_thenRejected() {
        assertThatThrownBy(() -> new RouteSpec("GET", "/x", "f", false, List.of("pulse/read")))
                .hasMessageContaining("authorizer");
        assertThatThrownBy(() -> RouteSpec.scoped("GET", "/x", "f", "pulse/read pulse/write"))
                .hasMessageContaining("one non-blank word");
        assertThatThrownBy(() -> RouteSpec.scoped("GET", "/x", "f")).hasMessageContaining("at least one scope");
    }

    private static Topology withWorkQueue(QueueSpec work, List<QueueMappingSpec> mappings, Access... grants) {
        return new Topology(
                List.of(),
                List.of(),
                List.of(QueueSpec.deadLetter("jobs-failures", "test"), work),
                List.of(),
                List.of(),
                List.of(function("worker", grants)),
                List.of(),
                List.of(),
                List.of(),
                mappings);
    }

    @Test
    void pulseTopology_fansEachSnapshotJobOutThroughItsOwnShardQueue_redrivingToItsFailureQueue() {
        Topology topology = PulseTopology.define();

        for (String job : List.of(PulseTopology.HOURLY_SNAPSHOTS_FUNCTION, PulseTopology.DAILY_SNAPSHOTS_FUNCTION)) {
            QueueMappingSpec mapping = topology.queueMapping(job).orElseThrow();
            QueueSpec shards = topology.requireQueue(mapping.queue());
            assertThat(shards.redrive().orElseThrow().deadLetterQueue())
                    .isEqualTo(topology.asyncFailureQueue(job).orElseThrow());
            assertThat(shards.visibilityTimeout())
                    .isGreaterThanOrEqualTo(topology.requireFunction(job).timeout());
            assertThat(mapping.batchSize()).isEqualTo(1);
        }
    }

    @Test
    void givenWorkQueueRedrivingToAnUndeclaredQueue_whenBuilt_thenRejected() {
        QueueSpec work = QueueSpec.work("jobs", "test", Duration.ofSeconds(10), "nowhere", 3);

        assertThatThrownBy(() -> withWorkQueue(
                        work,
                        List.of(new QueueMappingSpec("jobs", "worker", 1, 2, true)),
                        Access.readsAndWrites(Access.Kind.QUEUE, "jobs")))
                .hasMessageContaining("redrives to nowhere");
    }

    @Test
    void givenWorkQueueWithoutMapping_whenBuilt_thenRejected() {
        QueueSpec work = QueueSpec.work("jobs", "test", Duration.ofSeconds(10), "jobs-failures", 3);

        assertThatThrownBy(() -> withWorkQueue(work, List.of(), Access.readsAndWrites(Access.Kind.QUEUE, "jobs")))
                .hasMessageContaining("work queue jobs has no queue mapping");
    }

    @Test
    void givenMappingToAFunctionThatMayOnlySend_whenBuilt_thenRejected() {
        QueueSpec work = QueueSpec.work("jobs", "test", Duration.ofSeconds(10), "jobs-failures", 3);

        assertThatThrownBy(() -> withWorkQueue(
                        work,
                        List.of(new QueueMappingSpec("jobs", "worker", 1, 2, true)),
                        Access.writes(Access.Kind.QUEUE, "jobs")))
                .hasMessageContaining("without a read grant");
    }
}
