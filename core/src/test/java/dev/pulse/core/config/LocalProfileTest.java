package dev.pulse.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalProfileTest {

    @Test
    void givenNoOverrides_thenDefaultLoopbackPorts() {
        PulseConfig config = PulseConfig.fromEnv(LocalProfile.environment(Map.of()));

        assertThat(config.local()).isTrue();
        assertThat(config.kinesisEndpoint())
                .hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("http://127.0.0.1:14567"));
        assertThat(config.openSearch().endpoint().getPort()).isEqualTo(19200);
        assertThat(config.redis().uri().toString()).isEqualTo("redis://127.0.0.1:16379");
    }

    @Test
    void givenPortOverride_thenUsed() {
        PulseConfig config = PulseConfig.fromEnv(LocalProfile.environment(Map.of("PULSE_REDIS_PORT", "17000")));

        assertThat(config.redis().uri().getPort()).isEqualTo(17000);
    }
}
