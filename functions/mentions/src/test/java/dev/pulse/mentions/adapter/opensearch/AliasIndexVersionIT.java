package dev.pulse.mentions.adapter.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.mentions.application.ContractPages;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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
    void givenColdAndUnreachable_whenAskedAgainWithinTtl_thenNoSecondLookUp() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket hangsUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!hangsUp.isClosed()) {
                    try (Socket ignored = hangsUp.accept()) {
                        connections.incrementAndGet();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            var broken = OpenSearchClients.create(
                    LocalPlatform.configWith(OpenSearchSettings.ENDPOINT, "http://127.0.0.1:" + hangsUp.getLocalPort())
                            .openSearch());
            AliasIndexVersion versions = new AliasIndexVersion(broken, "pages", Duration.ofHours(1), Clock.systemUTC());

            assertThat(versions.current()).isEmpty();
            int afterFirst = connections.get();
            assertThat(versions.current()).isEmpty();

            assertThat(afterFirst).isPositive();
            assertThat(connections).hasValue(afterFirst);
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
