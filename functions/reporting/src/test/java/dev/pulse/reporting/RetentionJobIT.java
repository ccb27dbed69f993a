package dev.pulse.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.adapter.dynamodb.DynamoFlagStore;
import dev.pulse.reporting.application.RetentionResult;
import dev.pulse.reporting.application.RunResult;
import dev.pulse.reporting.domain.JobFlags;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retention through its production wiring against the local OpenSearch, on daily indices around the cut. */
class RetentionJobIT {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private final LocalReporting local = new LocalReporting();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final List<String> all = List.of(0, 1, 2, 9).stream()
            .map(days -> local.postsIndex(today.minusDays(days).format(DAY)))
            .toList();

    @AfterEach
    void drop() {
        local.close();
    }

    private ReportingWiring wiring(int days) {
        return ReportingWiring.create(
                local.config(Map.of(ReportingConfig.RETENTION_DAYS, Integer.toString(days))),
                PulseTopology.RETENTION_FUNCTION);
    }

    private List<String> existing() {
        return all.stream()
                .filter(index -> local.search
                                .send("GET", "/_cat/indices/" + index + "?format=json&ignore_unavailable=true", null)
                                .size()
                        == 1)
                .toList();
    }

    @Test
    void givenOldAndRecentIndices_thenDryRunAndSwitchedOffDeleteNothing_thenRunsDeleteExactlyTheOldOnes() {
        RetentionResult dry = wiring(1).retentionJob().run(true);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.expired()).containsExactlyInAnyOrder(all.get(2), all.get(3));
        assertThat(existing()).containsExactlyElementsOf(all);

        var flags = new DynamoFlagStore(local.dynamo, local.tables.get(PulseTopology.FLAGS_TABLE));
        flags.write(PulseTopology.RETENTION_FUNCTION, new JobFlags(false, 500, 2));
        assertThat(wiring(1).retentionJob().run(false).status()).isEqualTo(RunResult.SWITCHED_OFF);
        assertThat(existing()).containsExactlyElementsOf(all);
        flags.write(PulseTopology.RETENTION_FUNCTION, JobFlags.DEFAULTS);

        RetentionResult three = wiring(3).retentionJob().run(false);
        assertThat(three.expired()).containsExactly(all.get(3));
        assertThat(existing()).containsExactly(all.get(0), all.get(1), all.get(2));

        wiring(1).retentionJob().run(false);
        assertThat(existing()).as("today's and yesterday's always stay").containsExactly(all.get(0), all.get(1));
    }
}
