package dev.pulse.mentions.adapter.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.mentions.domain.ContractPages;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AliasIndexVersionIT {

    @Test
    void givenAliasMoved_whenTtlPasses_thenNewIndexReported() {
        try (TestPagesIndex pages = new TestPagesIndex(ContractPages.documents())) {
            AliasIndexVersion versions =
                    new AliasIndexVersion(pages.client, pages.alias, Duration.ofMillis(100), Clock.systemUTC());
            assertThat(versions.current()).contains(pages.index);

            String next = pages.alias + "-v9";
            pages.admin.create(next, "opensearch/pages-v2.json");
            pages.admin.pointAlias(pages.alias, next);

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> versions.current().orElseThrow().equals(next));
        }
    }

    @Test
    void givenOpenSearchUnreachable_whenNeverSeen_thenUnknown() {
        var dead = OpenSearchClients.create(
                LocalPlatform.configWith(OpenSearchSettings.ENDPOINT, "http://127.0.0.1:" + LocalPlatform.closedPort())
                        .openSearch());

        assertThat(new AliasIndexVersion(dead, "pages", Duration.ofSeconds(5), Clock.systemUTC()).current())
                .isEmpty();
    }
}
