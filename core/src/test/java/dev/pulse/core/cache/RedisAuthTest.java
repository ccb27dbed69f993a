package dev.pulse.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.config.RedisSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The ElastiCache AUTH path: the token comes from the secret reader, and an ARN without a reader fails fast. */
class RedisAuthTest {
    private static final RedisSettings WITH_SECRET = new RedisSettings(
            URI.create("rediss://cache.internal:6379"),
            Duration.ofMillis(200),
            Optional.of("arn:aws:secretsmanager:us-east-1:000000000000:secret:redis-auth"));

    @Test
    void givenSecretArn_whenClientBuilt_thenTheReaderIsAskedForThatSecret() {
        AtomicReference<String> asked = new AtomicReference<>();

        RedisClients.create(WITH_SECRET, arn -> {
                    asked.set(arn);
                    return "token-from-secrets-manager";
                })
                .shutdown();

        assertThat(asked.get()).isEqualTo("arn:aws:secretsmanager:us-east-1:000000000000:secret:redis-auth");
    }

    @Test
    void givenSecretArn_whenNoReader_thenFailsNamingTheVariable() {
        assertThatThrownBy(() -> RedisClients.create(WITH_SECRET)).hasMessageContaining(RedisSettings.AUTH_SECRET_ARN);
    }
}
