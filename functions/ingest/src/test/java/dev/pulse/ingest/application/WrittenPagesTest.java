package dev.pulse.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.core.domain.PageDocument;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WrittenPagesTest {
    private static final Instant AT = Instant.parse("2026-11-26T06:00:00Z");
    private final WrittenPages pages = new WrittenPages(new WrittenPages.Policy(3, 100, Duration.ofMinutes(10)));

    @Test
    void givenNothingWritten_whenAsked_thenThePageMustBeWritten() {
        assertThat(pages.unchanged(page("7", "Lyon", 10_000, false), AT)).isEmpty();
    }

    @Test
    void givenSameFieldsAndFansWithinOnePercent_whenAsked_thenTheWrittenVersionComesBack() {
        pages.written(page("7", "Lyon", 10_000, false), 1_000, AT);

        assertThat(pages.unchanged(page("7", "Lyon", 10_100, false), AT.plusSeconds(5)))
                .hasValue(1_000);
        assertThat(pages.unchanged(page("7", "Lyon", 9_900, false), AT.plusSeconds(5)))
                .hasValue(1_000);
    }

    @Test
    void givenFansJustPastTheTolerance_whenAsked_thenThePageMustBeWritten() {
        pages.written(page("7", "Lyon", 10_000, false), 1_000, AT);

        assertThat(pages.unchanged(page("7", "Lyon", 10_101, false), AT)).isEmpty();
        assertThat(pages.unchanged(page("7", "Lyon", 9_899, false), AT)).isEmpty();
    }

    @Test
    void givenAnyFieldMentionsReadsChanged_whenAsked_thenThePageMustBeWritten() {
        pages.written(page("7", "Lyon", 10_000, false), 1_000, AT);

        assertThat(pages.unchanged(page("7", "Lyon FC", 10_000, false), AT)).isEmpty();
        assertThat(pages.unchanged(page("7", "Lyon", 10_000, true), AT)).isEmpty();
        assertThat(pages.unchanged(new PageDocument("7", "Lyon", "lyon2", "City", 10_000, false, AT), AT))
                .isEmpty();
        assertThat(pages.unchanged(new PageDocument("7", "Lyon", "lyon", "Town", 10_000, false, AT), AT))
                .isEmpty();
        assertThat(pages.unchanged(new PageDocument("7", "Lyon", null, "City", 10_000, false, AT), AT))
                .isEmpty();
    }

    @Test
    void givenTheWriteReachesTheMaximumAge_whenAsked_thenThePageIsWrittenAnyway() {
        pages.written(page("7", "Lyon", 10_000, false), 1_000, AT);

        assertThat(pages.unchanged(
                        page("7", "Lyon", 10_000, false),
                        AT.plus(Duration.ofMinutes(10).minusMillis(1))))
                .isPresent();
        assertThat(pages.unchanged(page("7", "Lyon", 10_000, false), AT.plus(Duration.ofMinutes(10))))
                .isEmpty();
    }

    @Test
    void givenMorePagesThanTheCapacity_whenWritten_thenTheLeastRecentlyUsedIsForgotten() {
        pages.written(page("1", "A", 100, false), 1, AT);
        pages.written(page("2", "B", 100, false), 1, AT);
        pages.written(page("3", "C", 100, false), 1, AT);
        pages.unchanged(page("1", "A", 100, false), AT); // 1 is now the most recently used
        pages.written(page("4", "D", 100, false), 1, AT);

        assertThat(pages.size()).isEqualTo(3);
        assertThat(pages.unchanged(page("2", "B", 100, false), AT)).isEmpty();
        assertThat(pages.unchanged(page("1", "A", 100, false), AT)).hasValue(1);
        assertThat(pages.unchanged(page("4", "D", 100, false), AT)).hasValue(1);
    }

    @Test
    void givenAnOlderWriteAcknowledgedLast_whenRemembered_thenTheNewerOneIsKept() {
        pages.written(page("7", "Lyon FC", 10_000, false), 2_000, AT);
        pages.written(page("7", "Lyon", 10_000, false), 1_000, AT);

        assertThat(pages.unchanged(page("7", "Lyon FC", 10_000, false), AT)).hasValue(2_000);
        assertThat(pages.unchanged(page("7", "Lyon", 10_000, false), AT)).isEmpty();
    }

    @Test
    void givenAForgottenPage_whenAsked_thenItMustBeWritten() {
        pages.written(page("7", "Lyon", 10_000, false), 1_000, AT);
        pages.forget("7");

        assertThat(pages.unchanged(page("7", "Lyon", 10_000, false), AT)).isEmpty();
    }

    @Test
    void givenSkippingOff_whenWritten_thenNothingIsRemembered() {
        WrittenPages off = new WrittenPages(WrittenPages.Policy.OFF);
        off.written(page("7", "Lyon", 10_000, false), 1_000, AT);

        assertThat(off.size()).isZero();
        assertThat(off.unchanged(page("7", "Lyon", 10_000, false), AT)).isEmpty();
    }

    @Test
    void givenZeroFansWritten_whenFansGrow_thenThePageMustBeWritten() {
        pages.written(page("7", "Lyon", 0, false), 1_000, AT);

        assertThat(pages.unchanged(page("7", "Lyon", 0, false), AT)).hasValue(1_000);
        assertThat(pages.unchanged(page("7", "Lyon", 1, false), AT)).isEmpty();
    }

    @Test
    void givenANegativeSetting_whenBuilt_thenRefused() {
        assertThatThrownBy(() -> new WrittenPages.Policy(-1, 100, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WrittenPages.Policy(1, 100, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PageDocument page(String id, String name, long fans, boolean verified) {
        return new PageDocument(id, name, "lyon", "City", fans, verified, AT);
    }
}
