package dev.pulse.mentions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.config.ConfigException;
import dev.pulse.core.config.OpenSearchSettings;
import dev.pulse.core.config.PulseConfig;
import dev.pulse.core.testing.LocalPlatform;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionsConfigTest {
    private static Map<String, String> environment() {
        Map<String, String> env = LocalPlatform.environment();
        env.put("PULSE_SEARCH_PAGES", "pages");
        env.put("PULSE_CACHE_MENTIONS_CACHE", "mentions-cache");
        return env;
    }

    private static MentionsConfig config(Map<String, String> overrides) {
        Map<String, String> env = environment();
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

    @Test
    void givenTheGrantsVariables_thenAliasAndCacheNamespaceComeFromThem() {
        MentionsConfig config = config(Map.of(
                "PULSE_SEARCH_PAGES",
                "pages-blue",
                "PULSE_CACHE_MENTIONS_CACHE",
                "ns-1",
                "PULSE_MENTIONS_CACHE_TTL_S",
                "30"));

        assertThat(config.pagesAlias()).isEqualTo("pages-blue");
        assertThat(config.cacheNamespace()).isEqualTo("ns-1");
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(MentionsConfig.PAGES_ALIAS).isEqualTo("PULSE_SEARCH_PAGES");
        assertThat(MentionsConfig.CACHE_NAME).isEqualTo("PULSE_CACHE_MENTIONS_CACHE");
    }

    @Test
    void givenNoCacheNamespace_whenRead_thenTheVariableIsNamedInsteadOfAFallback() {
        Map<String, String> env = new HashMap<>(environment());
        env.remove("PULSE_CACHE_MENTIONS_CACHE");

        assertThatThrownBy(() -> MentionsConfig.from(PulseConfig.fromEnv(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PULSE_CACHE_MENTIONS_CACHE");
    }
}
