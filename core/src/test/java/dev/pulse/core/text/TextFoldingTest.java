package dev.pulse.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void givenMixedCaseAccents_whenFolded_thenLowerAscii() {
        assertThat(TextFolding.fold("Café Müller ÉCOLE")).isEqualTo("cafe muller ecole");
        assertThat(TextFolding.fold("Straße Ørsted Łódź Æon Œuvre")).isEqualTo("strasse orsted lodz aeon oeuvre");
    }

    @Test
    void givenOtherScripts_whenFolded_thenOnlyLowerCased() {
        assertThat(TextFolding.fold("Москва Й")).isEqualTo("москва й");
        assertThat(TextFolding.fold("東京タワー")).isEqualTo("東京タワー");
        assertThat(TextFolding.fold("مرحبا")).isEqualTo("مرحبا");
        assertThat(TextFolding.fold("Pizza 🍕")).isEqualTo("pizza 🍕");
    }

    @Test
    void givenRepeatedWhitespace_whenFolded_thenCollapsedAndTrimmed() {
        assertThat(TextFolding.fold("  New \u00a0  York  ")).isEqualTo("new york");
    }

    @Test
    void givenTurkishDottedCapital_whenFolded_thenPlainI() {
        // Per code point like Lucene's lowercase filter, not String.toLowerCase, which would add a combining dot.
        assertThat(TextFolding.fold("İstanbul")).isEqualTo("istanbul");
    }

    @Test
    void givenFullWidth_whenFolded_thenAscii() {
        assertThat(TextFolding.fold("ＡＢＣ")).isEqualTo("abc");
    }

    @Test
    void givenControlCharacters_whenChecked_thenDetected() {
        assertThat(TextFolding.hasControlCharacters("new\u0000york")).isTrue();
        assertThat(TextFolding.hasControlCharacters("new\tyork")).isTrue();
        assertThat(TextFolding.hasControlCharacters("new york 🍕")).isFalse();
    }
}
