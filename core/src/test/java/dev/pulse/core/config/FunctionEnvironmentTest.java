package dev.pulse.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentTest {
    @Test
    void givenBoundVariables_whenEnvSystemRead_thenSeesOnlyThem() throws Exception {
        String value = FunctionEnvironment.call(
                Map.of("PULSE_TEST_ONLY", "bound"), () -> Env.system().required("PULSE_TEST_ONLY"));

        assertThat(value).isEqualTo("bound");
    }

    @Test
    void givenNothingBound_whenEnvSystemRead_thenSeesTheProcessEnvironment() {
        assertThat(Env.system().optional("PULSE_TEST_ONLY")).isEmpty();
        assertThat(Env.system().optional("PATH"))
                .isEqualTo(java.util.Optional.ofNullable(System.getenv("PATH")).map(String::trim));
    }
}
