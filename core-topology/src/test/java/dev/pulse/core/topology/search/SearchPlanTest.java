package dev.pulse.core.topology.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.AliasSpec;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.IndexTemplateSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.core.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchPlanTest {
    private static final SearchPlan.Target AWS = SearchPlan.Target.aws(1, fn -> "arn:aws:iam::123456789012:role/" + fn);
    private static final SearchPlan PROD = SearchPlan.of(PulseTopology.define(), AWS);

    private static SearchCall call(SearchPlan plan, String path) {
        return plan.calls().stream()
                .filter(c -> c.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no call " + path + " in " + plan.calls()));
    }

    private static String body(String path) {
        return call(PROD, path).body().orElseThrow();
    }

    private static List<String> paths(SearchPlan plan) {
        return plan.calls().stream().map(SearchCall::path).toList();
    }

    @Test
    void theVersionedIndexThenItsAlias_thenTheTemplates_thenRolesAndTheirMappings() {
        assertThat(paths(PROD))
                .containsExactly(
                        "/pages-v2",
                        "/pages-v2/_alias/pages",
                        "/_index_template/posts",
                        "/_plugins/_security/api/roles/pulse_ingest",
                        "/_plugins/_security/api/rolesmapping/pulse_ingest",
                        "/_plugins/_security/api/roles/pulse_mentions",
                        "/_plugins/_security/api/rolesmapping/pulse_mentions",
                        "/_plugins/_security/api/roles/pulse_accounts",
                        "/_plugins/_security/api/rolesmapping/pulse_accounts",
                        "/_plugins/_security/api/roles/pulse_hourly_snapshots",
                        "/_plugins/_security/api/rolesmapping/pulse_hourly_snapshots",
                        "/_plugins/_security/api/roles/pulse_daily_snapshots",
                        "/_plugins/_security/api/rolesmapping/pulse_daily_snapshots",
                        "/_plugins/_security/api/roles/pulse_retention",
                        "/_plugins/_security/api/rolesmapping/pulse_retention");
        assertThat(PROD.calls()).extracting(SearchCall::method).containsOnly("PUT");
    }

    @Test
    void theIndexAndAliasCalls_areSkippedOnceTheAliasExists_andNothingElseIsGuarded() {
        assertThat(call(PROD, "/pages-v2").unless()).contains("/_alias/pages");
        assertThat(call(PROD, "/pages-v2/_alias/pages").unless()).contains("/_alias/pages");
        assertThat(PROD.calls().subList(2, PROD.calls().size()))
                .allSatisfy(c -> assertThat(c.unless()).isEmpty());
    }

    @Test
    void bodies_carryTheDefinitionsWithTheTargetsReplicas_andTheAliasIsTheWriteIndex() {
        assertThat(body("/pages-v2"))
                .isEqualTo(IndexDefinitions.load("opensearch/pages-v2.json", 1))
                .contains("\"number_of_replicas\":1", "\"mappings\":");
        assertThat(body("/_index_template/posts"))
                .isEqualTo(IndexDefinitions.load("opensearch/posts-template.json", 1))
                .contains("\"index_patterns\":[\"posts-*\"]");
        assertThat(body("/pages-v2/_alias/pages")).isEqualTo("{\"is_write_index\":true}");
    }

    @Test
    void theLocalTarget_hasNoReplicasAndNoSecurityCalls() {
        SearchPlan local = SearchPlan.of(PulseTopology.define(), SearchPlan.Target.local(""));

        assertThat(paths(local)).containsExactly("/pages-v2", "/pages-v2/_alias/pages", "/_index_template/posts");
        assertThat(local.calls())
                .filteredOn(c -> c.body().orElse("").contains("number_of_replicas"))
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.body().orElseThrow()).contains("\"number_of_replicas\":0"));
    }

    @Test
    void aPrefix_isolatesEveryNameIndexPatternAndGuard() {
        SearchPlan local = SearchPlan.of(PulseTopology.define(), SearchPlan.Target.local("it-1a2b-"));

        assertThat(paths(local))
                .containsExactly(
                        "/it-1a2b-pages-v2",
                        "/it-1a2b-pages-v2/_alias/it-1a2b-pages",
                        "/_index_template/it-1a2b-posts");
        assertThat(call(local, "/it-1a2b-pages-v2").unless()).contains("/_alias/it-1a2b-pages");
        assertThat(call(local, "/_index_template/it-1a2b-posts").body().orElseThrow())
                .contains("\"index_patterns\":[\"it-1a2b-posts-*\"]")
                .doesNotContain("\"posts-*\"");
    }

    @Test
    void aReader_getsReadAndAliasLookupOnTheAliasAndEveryVersion_andMsearchButNoClusterWrite() {
        assertThat(body("/_plugins/_security/api/roles/pulse_mentions"))
                .isEqualTo("{\"cluster_permissions\":[\"indices:data/read/msearch\",\"indices:admin/aliases/get\"],"
                        + "\"index_permissions\":[{\"index_patterns\":[\"pages\",\"pages-*\"],"
                        + "\"allowed_actions\":[\"read\",\"indices:admin/aliases/get\"]}]}");
    }

    @Test
    void aWriter_getsBulkAndWriteOnTheTemplatesPattern_andAliasPatternsCoverTheNextVersion() {
        assertThat(body("/_plugins/_security/api/roles/pulse_ingest"))
                .isEqualTo("{\"cluster_permissions\":[\"indices:data/read/msearch\",\"indices:admin/aliases/get\","
                        + "\"indices:data/write/bulk\"],\"index_permissions\":["
                        + "{\"index_patterns\":[\"pages\",\"pages-*\"],"
                        + "\"allowed_actions\":[\"read\",\"indices:admin/aliases/get\",\"write\",\"create_index\"]},"
                        + "{\"index_patterns\":[\"posts-*\"],\"allowed_actions\":[\"write\",\"create_index\"]}]}")
                .doesNotContain("pages-v2");
    }

    @Test
    void theReportingJobs_mayOnlySearch_andRetentionOnlyListAndDeletePostsIndices() {
        assertThat(body("/_plugins/_security/api/roles/pulse_daily_snapshots"))
                .isEqualTo("{\"cluster_permissions\":[\"cluster:monitor/nodes/stats\"],\"index_permissions\":["
                        + "{\"index_patterns\":[\"pages\",\"pages-*\"],\"allowed_actions\":[\"indices:data/read/search\"]},"
                        + "{\"index_patterns\":[\"posts-*\"],\"allowed_actions\":[\"indices:data/read/search\"]}]}");
        assertThat(body("/_plugins/_security/api/roles/pulse_retention"))
                .isEqualTo("{\"cluster_permissions\":[\"cluster:monitor/state\",\"cluster:monitor/health\"],"
                        + "\"index_permissions\":[{\"index_patterns\":[\"posts-*\"],\"allowed_actions\":"
                        + "[\"indices:admin/delete\",\"indices:monitor/stats\",\"indices:monitor/settings/get\"]}]}");
    }

    @Test
    void eachSearchingFunction_isMappedByItsIamRoleArn_escapedAsJson() {
        assertThat(body("/_plugins/_security/api/rolesmapping/pulse_ingest"))
                .isEqualTo("{\"backend_roles\":[\"arn:aws:iam::123456789012:role/ingest\"]}");
        SearchPlan odd = SearchPlan.of(PulseTopology.define(), SearchPlan.Target.aws(0, fn -> "role\"" + fn));
        assertThat(call(odd, "/_plugins/_security/api/rolesmapping/pulse_mentions")
                        .body())
                .contains("{\"backend_roles\":[\"role\\\"mentions\"]}");
    }

    @Test
    void onlyFunctionsThatSearch_getARole() {
        Topology pulse = PulseTopology.define();
        FunctionSpec tableOnly = new FunctionSpec(
                "table-reader",
                "functions/x",
                "dev.pulse.X",
                512,
                Duration.ofSeconds(10),
                Map.of(),
                List.of(Access.reads(Access.Kind.TABLE, PulseTopology.TRACKED_PAGES_TABLE)));
        Topology topology = new Topology(
                pulse.streams(),
                pulse.tables(),
                pulse.queues().stream().filter(q -> !q.isWork()).toList(),
                pulse.aliases(),
                pulse.indexTemplates(),
                List.of(tableOnly, pulse.requireFunction(PulseTopology.MENTIONS_FUNCTION)),
                List.of(),
                List.of(),
                List.of());

        assertThat(paths(SearchPlan.of(topology, AWS)))
                .filteredOn(p -> p.startsWith("/_plugins"))
                .containsExactly(
                        "/_plugins/_security/api/roles/pulse_mentions",
                        "/_plugins/_security/api/rolesmapping/pulse_mentions");
    }

    @Test
    void toJson_listsTheCallsInOrder_withBodiesEmbeddedAndAbsentMembersLeftOut() {
        SearchPlan plan = new SearchPlan(List.of(
                SearchCall.put("/a-v1", "{\"settings\":{}}").unless("/_alias/a"),
                new SearchCall("POST", "/_aliases", Optional.empty(), Optional.empty())));

        assertThat(plan.toJson())
                .isEqualTo(
                        "[{\"method\":\"PUT\",\"path\":\"/a-v1\",\"body\":{\"settings\":{}},\"unless\":\"/_alias/a\"},"
                                + "{\"method\":\"POST\",\"path\":\"/_aliases\"}]");
    }

    @Test
    void givenATemplateDefinitionForAnotherPattern_thePlanRefusesIt() {
        Topology pulse = PulseTopology.define();
        Topology topology = new Topology(
                pulse.streams(),
                pulse.tables(),
                pulse.queues(),
                List.of(new AliasSpec("pages", "pages-v2", "opensearch/pages-v2.json")),
                List.of(new IndexTemplateSpec("posts", "posts-*", "search-test/other-pattern-template.json")),
                pulse.functions(),
                pulse.routes(),
                pulse.schedules(),
                pulse.streamMappings(),
                pulse.queueMappings());

        assertThatThrownBy(() -> SearchPlan.of(topology, SearchPlan.Target.local("")))
                .hasMessageContaining("search-test/other-pattern-template.json")
                .hasMessageContaining("posts-*");
    }

    @Test
    void aCall_isACreateOrUpdateOnAPath() {
        assertThatThrownBy(() -> new SearchCall("DELETE", "/pages", Optional.empty(), Optional.empty()))
                .hasMessageContaining("DELETE");
        assertThatThrownBy(() -> SearchCall.put("pages", "{}")).hasMessageContaining("starts with /");
        assertThatThrownBy(() -> SearchCall.put("/a", "{}").unless("/a b")).hasMessageContaining("/a b");
        assertThatThrownBy(() -> SearchPlan.Target.local("Upper-")).hasMessageContaining("Upper-");
    }
}
