package dev.pulse.cdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Zones come from the per-region configuration, never from a guessed a/b/c. */
class ZonesTest {
    private static final Map<String, Object> CONFIGURED = Map.of(
            "us-east-1", "us-east-1a, us-east-1b,us-east-1c",
            "us-west-1", List.of("us-west-1b", "us-west-1c"),
            "eu-west-1", "eu-west-2a,eu-west-2b");

    @Test
    void givenARegionsZones_takesTheFirstOnesTheEnvironmentNeeds() {
        assertThat(Zones.forRegion(CONFIGURED, "us-east-1", 2)).containsExactly("us-east-1a", "us-east-1b");
        assertThat(Zones.forRegion(CONFIGURED, "us-west-1", 2)).containsExactly("us-west-1b", "us-west-1c");
    }

    @Test
    void givenTooFewOrNoZones_failsNamingWhereToConfigureThem() {
        assertThatThrownBy(() -> Zones.forRegion(CONFIGURED, "us-west-1", 3))
                .hasMessageContaining("us-west-1 has 2 zones configured")
                .hasMessageContaining("cdk.json")
                .hasMessageContaining("-c azs=");
        assertThatThrownBy(() -> Zones.forRegion(CONFIGURED, "ap-south-2", 2)).hasMessageContaining("has 0 zones");
        assertThatThrownBy(() -> Zones.forRegion(null, "us-east-1", 2)).hasMessageContaining("has 0 zones");
    }

    @Test
    void givenAZoneOfAnotherRegion_fails() {
        assertThatThrownBy(() -> Zones.forRegion(CONFIGURED, "eu-west-1", 2))
                .hasMessageContaining("eu-west-2a is not in region eu-west-1");
    }
}
