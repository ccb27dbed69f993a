package dev.pulse.mentions.adapter.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.search.OpenSearchClients;
import dev.pulse.core.testing.LocalPlatform;
import dev.pulse.core.testing.SearchAdmin;
import dev.pulse.mentions.TcpProxy;
import dev.pulse.mentions.application.IndexVersions;
import dev.pulse.mentions.application.IndexVersionsContract;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/** The contract on the local OpenSearch, reached through a proxy the test can cut; plus the look-up pacing. */
class AliasIndexVersionIT extends IndexVersionsContract {
    /** Every call refreshes (in the background), so the down case really goes through failed look-ups. */
    private static final Duration TTL = Duration.ZERO;

    private final String endpoint = LocalPlatform.environment().get(OpenSearchSettings.ENDPOINT);
    private final SearchAdmin admin = new SearchAdmin(endpoint);
    private final TcpProxy proxy =
            new TcpProxy(LocalPlatform.config().openSearch().endpoint().getPort());
    private final List<String> created = new ArrayList<>();
    private String current;
    private AliasIndexVersion versions;

    @Override
    protected void pointAlias(String index) {
        if (!created.contains(index)) {
            admin.send("PUT", "/" + index, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
            created.add(index);
        }
        String add = "{\"add\":{\"index\":\"" + index + "\",\"alias\":\"" + alias + "\"}}";
        String actions = current == null
                ? add
                : "{\"remove\":{\"index\":\"" + current + "\",\"alias\":\"" + alias + "\"}}," + add;
        admin.send("POST", "/_aliases", "{\"actions\":[" + actions + "]}");
        current = index;
    }

    @Override
    protected IndexVersions versions() {
        if (versions == null) {
            versions = new AliasIndexVersion(client("http://127.0.0.1:" + proxy.port()), alias, TTL, Clock.systemUTC());
        }
        return versions;
    }

    @Override
    protected void cutBackend() {
        proxy.cut();
    }

    @Override
    protected IndexVersions neverReachable() {
        return new AliasIndexVersion(
                client("http://127.0.0.1:" + LocalPlatform.closedPort()), alias, TTL, Clock.systemUTC());
    }

    @Override
    protected void dispose() {
        proxy.close();
        created.forEach(index -> admin.send("DELETE", "/" + index, null));
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
            var broken = client("http://127.0.0.1:" + hangsUp.getLocalPort());
            AliasIndexVersion versions = new AliasIndexVersion(broken, alias, Duration.ofHours(1), Clock.systemUTC());

            assertThat(versions.current()).isEmpty();
            int afterFirst = connections.get();
            assertThat(versions.current()).isEmpty();

            assertThat(afterFirst).isPositive();
            assertThat(connections).hasValue(afterFirst);
        }
    }

    private static OpenSearchClient client(String endpoint) {
        return OpenSearchClients.create(
                LocalPlatform.configWith(OpenSearchSettings.ENDPOINT, endpoint).openSearch());
    }
}
