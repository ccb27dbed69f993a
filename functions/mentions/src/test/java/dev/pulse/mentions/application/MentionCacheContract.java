package dev.pulse.mentions.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.pulse.core.testing.Unique;
import dev.pulse.mentions.domain.PageSummary;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MentionCache} must do. Writes may land a moment later (Redis writes are fire-and-forget), so reads
 * after a write wait until it shows; a cache that cannot answer reports a miss and never throws.
 */
public abstract class MentionCacheContract {
    private static final PageSummary NIKE = new PageSummary("nike", "Nike", "nike", "Brand", 30_000_000, true);
    private static final PageSummary NINTENDO =
            new PageSummary("nintendo", "Nintendo", "nintendo", "Games", 9_000_000, false);
    private static final Duration LONG = Duration.ofMinutes(1);
    private static final Duration SHORT = Duration.ofSeconds(1);

    private final String prefix = Unique.name("contract");
    private MentionCache cache;

    /** A working cache whose keys and remembered version no other test shares. */
    protected abstract MentionCache createCache();

    /** A cache whose store cannot be reached. */
    protected abstract MentionCache createUnreachableCache();

    /** Moves the fake's clock on; real servers keep their own time, and the test then waits for them. */
    protected void advance(Duration duration) {}

    protected void dispose() {}

    @BeforeEach
    void setUpCache() {
        cache = createCache();
    }

    @AfterEach
    void tearDownCache() {
        dispose();
    }

    @Test
    void givenNothingStored_whenRead_thenMiss() {
        assertThat(cache.get(key("absent"))).isEmpty();
    }

    @Test
    void givenPagesPut_whenRead_thenTheSamePagesInTheSameOrder() {
        cache.put(key("ni"), List.of(NINTENDO, NIKE), LONG);

        assertThat(eventually(key("ni"))).containsExactly(NINTENDO, NIKE);
        assertThat(cache.get(key("other"))).isEmpty();
    }

    @Test
    void givenNoPagesPut_whenRead_thenAHitWithNoPagesRatherThanAMiss() {
        cache.put(key("zzq"), List.of(), LONG);

        assertThat(eventually(key("zzq"))).isEmpty();
    }

    @Test
    void givenKeyPutAgain_whenRead_thenTheLatestAnswer() {
        cache.put(key("ni"), List.of(NIKE), LONG);
        eventually(key("ni"));
        cache.put(key("ni"), List.of(NINTENDO), LONG);

        Awaitility.await().until(() -> cache.get(key("ni")).orElseThrow().equals(List.of(NINTENDO)));
    }

    @Test
    void givenTtl_whenItPasses_thenTheEntryIsGone() {
        cache.put(key("short"), List.of(NIKE), SHORT);
        cache.put(key("long"), List.of(NIKE), LONG);
        eventually(key("long")); // writes land in order, so the short one has landed too
        advance(SHORT.plusMillis(1));

        Awaitility.await().until(() -> cache.get(key("short")).isEmpty());
        assertThat(cache.get(key("long"))).contains(List.of(NIKE));
    }

    @Test
    void givenAClaim_whenClaimedAgain_thenRefusedWhileOtherKeysStayFree() {
        assertThat(cache.claim(key("fill:ni"), LONG)).isTrue();

        assertThat(cache.claim(key("fill:ni"), LONG)).isFalse();
        assertThat(cache.claim(key("fill:nik"), LONG)).isTrue();
    }

    @Test
    void givenAClaim_whenItsTtlPasses_thenItCanBeClaimedAgain() {
        assertThat(cache.claim(key("fill:ni"), SHORT)).isTrue();
        advance(SHORT.plusMillis(1));

        Awaitility.await().until(() -> cache.claim(key("fill:ni"), LONG));
        assertThat(cache.claim(key("fill:ni"), LONG)).isFalse();
    }

    @Test
    void givenNothingRemembered_whenRecalled_thenUnknown() {
        assertThat(cache.recallVersion()).isEmpty();
    }

    @Test
    void givenVersionRemembered_whenRecalled_thenTheLatestOne() {
        cache.rememberVersion("pages-v7");
        Awaitility.await().until(() -> cache.recallVersion().isPresent());
        assertThat(cache.recallVersion()).contains("pages-v7");

        cache.rememberVersion("pages-v8");
        Awaitility.await().until(() -> cache.recallVersion().orElseThrow().equals("pages-v8"));
    }

    @Test
    void givenStoreUnreachable_whenUsed_thenMissesAndNeverThrows() {
        MentionCache down = createUnreachableCache();

        assertThatNoException().isThrownBy(() -> {
            down.put(key("ni"), List.of(NIKE), LONG);
            down.rememberVersion("pages-v7");
        });
        assertThat(down.get(key("ni"))).isEmpty();
        assertThat(down.recallVersion()).isEmpty();
        assertThat(down.claim(key("fill:ni"), LONG))
                .as("with the cache down every caller asks the index")
                .isTrue();
        assertThat(down.claim(key("fill:ni"), LONG)).isTrue();
    }

    private String key(String suffix) {
        return prefix + ":" + suffix;
    }

    private List<PageSummary> eventually(String key) {
        Awaitility.await().until(() -> cache.get(key).isPresent());
        return cache.get(key).orElseThrow();
    }
}
