package dev.pulse.legacy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModeTest {
    @Test
    void givenEachForm_whenParsed_thenItsWireFormRoundTrips() {
        for (String text : new String[] {"legacy", "shadow", "canary:1", "canary:50", "canary:99", "new"}) {
            assertThat(Mode.parse(text).wire()).isEqualTo(text);
        }
        assertThat(Mode.parse("canary:10")).isEqualTo(Mode.canary(10));
    }

    @Test
    void givenABadMode_whenParsed_thenRefusedNamingIt() {
        for (String text : new String[] {"canary:0", "canary:100", "canary:", "canary", "NEW", "", "old"}) {
            assertThatThrownBy(() -> Mode.parse(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void givenModes_thenOnlyCanaryAndNewServeNew() {
        assertThat(Mode.LEGACY.servesNew()).isFalse();
        assertThat(Mode.SHADOW.servesNew()).isFalse();
        assertThat(Mode.canary(5).servesNew()).isTrue();
        assertThat(Mode.NEW.servesNew()).isTrue();
    }
}
