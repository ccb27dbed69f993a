package dev.pulse.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void givenBlankValue_whenRequired_thenTreatedAsMissing() {
        Env env = Env.of(Map.of("NAME", "  "));

        assertThatThrownBy(() -> env.required("NAME")).hasMessage("configuration variable NAME is not set");
    }

    @Test
    void givenValues_whenParsed_thenTyped() {
        Env env = Env.of(Map.of("N", "42", "T", "250", "F", "yes"));

        assertThat(env.integer("N", 1)).isEqualTo(42);
        assertThat(env.millis("T", 1)).isEqualTo(Duration.ofMillis(250));
        assertThat(env.flag("F", false)).isTrue();
        assertThat(env.integer("MISSING", 7)).isEqualTo(7);
    }

    @Test
    void givenNonNumber_whenInteger_thenFailsNamingTheVariable() {
        assertThatThrownBy(() -> Env.of(Map.of("N", "many")).integer("N", 1))
                .hasMessageContaining("N must be an integer, was 'many'");
    }

    @Test
    void givenNonBoolean_whenFlag_thenFailsNamingTheVariable() {
        assertThatThrownBy(() -> Env.of(Map.of("F", "maybe")).flag("F", true))
                .hasMessageContaining("F must be true or false");
    }
}
