package dev.pulse.bench.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchCorpusTest {
    private final BenchCorpus corpus = new BenchCorpus(20_000, 42);

    @Test
    void everyPassRegeneratesTheSamePagesInOrder() {
        List<BenchCorpus.Page> first = drain(corpus.pages());
        List<BenchCorpus.Page> second = drain(corpus.pages());

        assertThat(first).hasSize(20_000).isEqualTo(second);
        assertThat(first.getFirst().name()).isEqualTo(corpus.firstName);
        assertThat(first.getLast().name()).isEqualTo(corpus.lastName);
        for (BenchCorpus.Page page : first) {
            assertThat(page.fans()).isEqualTo(corpus.fans[page.position()]);
        }
    }

    @Test
    void namesOfChosenPositionsComeFromTheSameSequence() {
        List<BenchCorpus.Page> pages = drain(corpus.pages());

        Map<Integer, String> names = corpus.names(Set.of(0, 7, 19_999, 12_345));

        assertThat(names)
                .containsOnlyKeys(0, 7, 19_999, 12_345)
                .containsEntry(7, pages.get(7).name())
                .containsEntry(12_345, pages.get(12_345).name())
                .containsEntry(19_999, pages.get(19_999).name());
    }

    @Test
    void popularityOrderIsByFansDescendingThenByPosition() {
        assertThat(corpus.byPopularity).hasSize(20_000);
        assertThat(java.util.Arrays.stream(corpus.byPopularity).distinct().count())
                .isEqualTo(20_000);
        for (int i = 1; i < corpus.byPopularity.length; i++) {
            long before = corpus.fans[corpus.byPopularity[i - 1]];
            long after = corpus.fans[corpus.byPopularity[i]];
            assertThat(before).isGreaterThanOrEqualTo(after);
            if (before == after) {
                assertThat(corpus.byPopularity[i - 1]).isLessThan(corpus.byPopularity[i]);
            }
        }
    }

    @Test
    void keystrokesAreDeterministicAndTypeRealPages() {
        List<String> queries = KeystrokeSessions.generate(corpus, 500, 7);

        assertThat(queries).hasSize(500).isEqualTo(KeystrokeSessions.generate(corpus, 500, 7));
        assertThat(queries).allSatisfy(q -> assertThat(q).isNotBlank());
    }

    private static List<BenchCorpus.Page> drain(BenchCorpus.Cursor cursor) {
        List<BenchCorpus.Page> pages = new ArrayList<>();
        cursor.forEachRemaining(pages::add);
        return pages;
    }
}
