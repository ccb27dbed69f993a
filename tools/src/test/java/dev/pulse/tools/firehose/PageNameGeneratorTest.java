package dev.pulse.tools.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageNameGeneratorTest {
    @Test
    void givenSeed_whenNamesGenerated_thenRepeatable() {
        assertThat(names(1, 200)).isEqualTo(names(1, 200)).isNotEqualTo(names(2, 200));
    }

    @Test
    void givenThousandNames_whenInspected_thenEveryScriptAndNearDuplicatesAppear() {
        List<String> names = names(5, 1000);

        assertThat(names)
                .anyMatch(n ->
                        n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        assertThat(names)
                .anyMatch(n -> n.codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC));
        assertThat(names)
                .anyMatch(n ->
                        n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC));
        assertThat(names).anyMatch(n -> n.codePoints().anyMatch(c -> c >= 0x1F300));
        assertThat(names).anyMatch(n -> n.matches(".*[éèüöñçáíóúâ].*"));
        assertThat(names).anyMatch(n -> n.endsWith(" Official"));
        assertThat(names).anyMatch(n -> n.startsWith("The "));
    }

    @Test
    void givenName_whenUsernameDerived_thenAsciiHandle() {
        PageNameGenerator generator = new PageNameGenerator(3);

        assertThat(generator.username("Café Crème Zürich")).matches("cafe_creme_zurich_\\d+");
        assertThat(generator.username("東京")).matches("page_\\d+");
    }

    private static List<String> names(long seed, int count) {
        PageNameGenerator generator = new PageNameGenerator(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(generator.next());
        }
        return names;
    }
}
