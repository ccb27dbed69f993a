package dev.pulse.legacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StickyBucketTest {
    @Test
    void givenACaller_thenTheBucketIsAlwaysTheSame() {
        assertThat(StickyBucket.of("user:ada"))
                .isEqualTo(StickyBucket.of("user:ada"))
                .isBetween(0, 99);
    }

    @Test
    void givenCanaryRaised_thenNoCallerOnNewGoesBackToLegacy() {
        IntStream.range(0, 2_000).mapToObj(i -> "user:" + i).forEach(caller -> {
            if (StickyBucket.toNew(Mode.canary(10), caller)) {
                assertThat(StickyBucket.toNew(Mode.canary(50), caller)).isTrue();
            }
        });
    }

    @Test
    void givenManyCallers_thenCanaryTenSendsAboutATenth() {
        long toNew = IntStream.range(0, 10_000)
                .filter(i -> StickyBucket.toNew(Mode.canary(10), "user:" + i))
                .count();
        assertThat(toNew).isBetween(800L, 1_200L);
    }
}
