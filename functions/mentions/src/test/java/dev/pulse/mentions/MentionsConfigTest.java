package dev.pulse.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.testing.LocalPlatform;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionsConfigTest {
    private static MentionsConfig config(Map<String, String> overrides) {
        Map<String, String> env = LocalPlatform.environment();
        env.put(MentionsConfig.PAGES_ALIAS, "pages");
        env.putAll(overrides);
        return MentionsConfig.from(PulseConfig.fromEnv(env));
    }

    @Test
    void givenNoSearchTimeout_thenOneWellInsideTheFunctionsFiveSeconds() {
        MentionsConfig config = config(Map.of());

        assertThat(config.openSearch().timeout()).isEqualTo(Duration.ofMillis(1_500));
        assertThat(config.openSearch().timeout().multipliedBy(3)).isLessThan(Duration.ofSeconds(5));
        assertThat(config.pagesAlias()).isEqualTo("pages");
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void givenASearchTimeout_thenItIsHonoured() {
        assertThat(config(Map.of(OpenSearchSettings.TIMEOUT_MS, "800"))
                        .openSearch()
                        .timeout())
                .isEqualTo(Duration.ofMillis(800));
    }
}
