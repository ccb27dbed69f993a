package dev.pulse.tools.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pulse.ingest.application.Backoff;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpSourceTest {
    @Test
    void givenFeedThatFailsThenDropsTheConnection_whenRead_thenItReconnectsAndKeepsReading() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed", exchange -> {
            int n = connections.incrementAndGet();
            if (n == 1) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 3; i++) {
                    String line = "{\"id\":\"" + n + "_" + i + "\",\"from\":{\"id\":\"" + n + "\"}}\n\n";
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        server.start();
        try (HttpSource source = new HttpSource(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed"),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)))) {
            List<UserRecord> records = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                records.add(source.next());
            }

            assertThat(records).extracting(UserRecord::partitionKey).containsExactly("2", "2", "2", "3", "3", "3");
            assertThat(new String(records.get(4).data(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"id\":\"3_1\",\"from\":{\"id\":\"3\"}}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void givenLineWithoutPageId_whenKeyed_thenThePostIdPrefixOrAFixedKeyIsUsed() {
        assertThat(LineKeys.pageId("{\"id\":\"42_7\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("42");
        assertThat(LineKeys.pageId("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(LineKeys.UNKEYED);
        assertThat(LineKeys.pageId(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'}))
                .as("invalid UTF-8")
                .isEqualTo(LineKeys.UNKEYED);
    }
}
