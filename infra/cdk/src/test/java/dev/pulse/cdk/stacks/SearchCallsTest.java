package dev.pulse.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.topology.PulseTopology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchCallsTest {
    private static final List<SearchCalls.Call> CALLS =
            SearchCalls.of(PulseTopology.define(), 1, fn -> "arn:aws:iam::123456789012:role/" + fn);

    private static Object body(String path) {
        return CALLS.stream()
                .filter(c -> c.path().equals(path))
                .findFirst()
                .orElseThrow()
                .body();
    }

    @Test
    void theVersionedIndexIsCreatedBeforeItsAlias() {
        List<String> paths = CALLS.stream().map(SearchCalls.Call::path).toList();
        assertThat(paths.indexOf("/pages-v2")).isLessThan(paths.indexOf("/pages-v2/_alias/pages"));
        assertThat(body("/pages-v2").toString()).contains("number_of_replicas=1", "mappings");
    }

    @Test
    void aReader_getsReadAndAliasLookupOnTheAliasAndEveryVersion_andMsearchButNoClusterWrite() {
        assertThat(body("/_plugins/_security/api/roles/pulse_mentions"))
                .isEqualTo(Map.of(
                        "cluster_permissions",
                        List.of("indices:data/read/msearch", "indices:admin/aliases/get"),
                        "index_permissions",
                        List.of(Map.of(
                                "index_patterns", List.of("pages", "pages-*"),
                                "allowed_actions", List.of("read", "indices:admin/aliases/get")))));
    }

    @Test
    void aliasPatterns_coverTheNextIndexVersion_soAMigrationNeedsNoRoleChange() {
        String ingest = body("/_plugins/_security/api/roles/pulse_ingest").toString();
        assertThat(ingest).contains("index_patterns=[pages, pages-*]").doesNotContain("pages-v2");
    }

    @Test
    void aWriter_getsBulkAndWriteOnTheTemplatesPattern() {
        String ingest = body("/_plugins/_security/api/roles/pulse_ingest").toString();
        assertThat(ingest).contains("indices:data/write/bulk", "index_patterns=[posts-*]", "create_index");
    }

    @Test
    void eachSearchingFunction_isMappedByItsIamRoleArn() {
        assertThat(body("/_plugins/_security/api/rolesmapping/pulse_ingest"))
                .isEqualTo(Map.of("backend_roles", List.of("arn:aws:iam::123456789012:role/ingest")));
    }
}
