package dev.pulse.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class PulseConfigTest {

    private static final Map<String, String> LOCAL = Map.of(
            "PULSE_PROFILE", "local",
            "AWS_REGION", "eu-west-1",
            "PULSE_KINESIS_ENDPOINT", "http://127.0.0.1:14567",
            "PULSE_OPENSEARCH_ENDPOINT", "http://127.0.0.1:19200",
            "PULSE_REDIS_URL", "redis://127.0.0.1:16379");

    @Test
    void givenLocalEnvironment_whenRead_thenEndpointsAndProfileAreSet() {
        PulseConfig config = PulseConfig.fromEnv(LOCAL);

        assertThat(config.local()).isTrue();
        assertThat(config.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(config.kinesisEndpoint()).contains(URI.create("http://127.0.0.1:14567"));
        assertThat(config.dynamoDbEndpoint()).isEmpty();
        assertThat(config.openSearch().sigV4()).isFalse();
        assertThat(config.redis().commandTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void givenNoRegion_whenRead_thenFailsNamingTheVariable() {
        assertThatThrownBy(() -> PulseConfig.fromEnv(Map.of("PULSE_PROFILE", "local")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AWS_REGION")
                .extracting(e -> ((ConfigException) e).variable())
                .isEqualTo("AWS_REGION");
    }

    @Test
    void givenUnknownProfile_whenRead_thenFailsNamingTheVariable() {
        assertThatThrownBy(() -> PulseConfig.fromEnv(Map.of("PULSE_PROFILE", "staging", "AWS_REGION", "us-east-1")))
                .hasMessageContaining("PULSE_PROFILE")
                .hasMessageContaining("staging");
    }

    @Test
    void givenMalformedEndpoint_whenRead_thenFailsNamingTheVariable() {
        assertThatThrownBy(
                        () -> PulseConfig.fromEnv(Map.of("AWS_REGION", "us-east-1", "PULSE_SQS_ENDPOINT", "not a url")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PULSE_SQS_ENDPOINT");
    }

    @Test
    void givenAwsProfile_whenOpenSearchIsPlainHttp_thenRejectedBecauseSigV4NeedsHttps() {
        PulseConfig config = PulseConfig.fromEnv(
                Map.of("AWS_REGION", "us-east-1", "PULSE_OPENSEARCH_ENDPOINT", "http://search.internal"));

        assertThatThrownBy(config::openSearch).hasMessageContaining("PULSE_OPENSEARCH_ENDPOINT");
    }

    @Test
    void givenFunctionWithoutRedis_whenRedisSettingsAsked_thenFailsNamingTheVariable() {
        PulseConfig config = PulseConfig.fromEnv(Map.of("AWS_REGION", "us-east-1"));

        assertThatThrownBy(config::redis).hasMessageContaining("PULSE_REDIS_URL");
    }

    @Test
    void givenAuthSecretWithoutTls_whenRead_thenRejected() {
        PulseConfig config = PulseConfig.fromEnv(Map.of(
                "AWS_REGION", "us-east-1",
                "PULSE_REDIS_URL", "redis://cache.internal:6379",
                "PULSE_REDIS_AUTH_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:x"));

        assertThatThrownBy(config::redis).hasMessageContaining("rediss://");
    }

    @Test
    void givenAuthSecret_whenRead_thenCarried() {
        PulseConfig config = PulseConfig.fromEnv(Map.of(
                "AWS_REGION", "us-east-1",
                "PULSE_REDIS_URL", "rediss://cache.internal:6379",
                "PULSE_REDIS_AUTH_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:x"));

        assertThat(config.redis().authSecretArn()).contains("arn:aws:secretsmanager:us-east-1:1:secret:x");
    }

    @Test
    void givenBadRedisScheme_whenRead_thenRejected() {
        PulseConfig config =
                PulseConfig.fromEnv(Map.of("AWS_REGION", "us-east-1", "PULSE_REDIS_URL", "http://127.0.0.1:1"));

        assertThatThrownBy(config::redis).hasMessageContaining("redis://");
    }
}
