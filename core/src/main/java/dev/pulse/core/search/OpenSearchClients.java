package dev.pulse.core.search;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.json.Json;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * Builds the OpenSearch client: plain HTTP through Apache HttpClient 5 on loopback, SigV4-signed requests through the
 * AWS SDK's Apache client against an OpenSearch Service domain.
 */
public final class OpenSearchClients {
    private OpenSearchClients() {}

    public static OpenSearchClient create(OpenSearchSettings settings) {
        return new OpenSearchClient(transport(settings));
    }

    public static OpenSearchTransport transport(OpenSearchSettings settings) {
        JacksonJsonpMapper mapper = new JacksonJsonpMapper(Json.mapper());
        return settings.sigV4() ? signed(settings, mapper) : plain(settings, mapper);
    }

    private static OpenSearchTransport plain(OpenSearchSettings settings, JacksonJsonpMapper mapper) {
        HttpHost host = new HttpHost(
                settings.endpoint().getScheme(),
                settings.endpoint().getHost(),
                settings.endpoint().getPort());
        Timeout timeout = Timeout.of(settings.timeout());
        return ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(mapper)
                .setHttpClientConfigCallback(client -> client.setConnectionManager(
                                PoolingAsyncClientConnectionManagerBuilder.create()
                                        .setMaxConnTotal(settings.maxConnections())
                                        .setMaxConnPerRoute(settings.maxConnections())
                                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                                .setConnectTimeout(Timeout.ofSeconds(2))
                                                .setSocketTimeout(timeout)
                                                .build())
                                        .build())
                        .setDefaultRequestConfig(RequestConfig.custom()
                                .setResponseTimeout(timeout)
                                .build()))
                .build();
    }

    private static OpenSearchTransport signed(OpenSearchSettings settings, JacksonJsonpMapper mapper) {
        SdkHttpClient httpClient = Apache5HttpClient.builder()
                .maxConnections(settings.maxConnections())
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(settings.timeout())
                .build();
        return new AwsSdk2Transport(
                httpClient,
                settings.endpoint().getHost(),
                "es",
                settings.region(),
                AwsSdk2TransportOptions.builder().setMapper(mapper).build());
    }
}
