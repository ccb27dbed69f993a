package dev.pulse.cdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.topology.Stage;
import org.junit.jupiter.api.Test;

class EnvironmentConfigTest {
    @Test
    void givenNoEnvironment_devIsChosen() {
        assertThat(EnvironmentConfig.named(null).name()).isEqualTo("dev");
    }

    @Test
    void givenProd_dataIsProtectedAndSearchIsZoneAware() {
        EnvironmentConfig prod = EnvironmentConfig.named("PROD");
        assertThat(prod.protectData()).isTrue();
        assertThat(prod.search().zoneAware()).isTrue();
        assertThat(prod.cache().multiAz()).isTrue();
        assertThat(prod.stackName("Api")).isEqualTo("Pulse-prod-Api");
    }

    @Test
    void givenAnUnknownEnvironment_theErrorNamesTheChoices() {
        assertThatThrownBy(() -> EnvironmentConfig.named("staging"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dev or prod");
    }

    @Test
    void givenAWildcardOrigin_corsConfigIsRejected() {
        assertThatThrownBy(() -> new ApiLimits("*", 10, 10)).hasMessageContaining("no wildcard");
        assertThatThrownBy(() -> new ApiLimits("https://app.example/path", 10, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenDataNodesThatCannotSpreadEvenly_searchSizeIsRejected() {
        assertThatThrownBy(() -> new SearchSize("r7g.large.search", 4, "m7g.large.search", 3, 100, 3))
                .hasMessageContaining("evenly");
    }

    @Test
    void eachEnvironment_isItsTopologyStage() {
        assertThat(EnvironmentConfig.named("dev").stage()).isEqualTo(Stage.DEV);
        assertThat(EnvironmentConfig.of(Stage.PROD).name()).isEqualTo("prod");
        assertThat(EnvironmentConfig.of(Stage.PROD).prefix()).isEqualTo("pulse-prod");
    }
}
