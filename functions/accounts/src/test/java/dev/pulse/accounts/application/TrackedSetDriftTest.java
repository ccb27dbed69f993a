package dev.pulse.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.application.TrackedSetDrift.Fix;
import dev.pulse.accounts.application.TrackedSetDrift.Fix.Kind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackedSetDriftTest {
    private final TrackedSetDrift drift =
            new TrackedSetDrift(Map.of("1", Set.of("a", "b"), "2", Set.of("a"), "3", Set.of("c")), Set.of("admin"));

    @Test
    void givenASetThatAgrees_thenNothingIsFixed() {
        assertThat(drift.visit("1", Set.of("a", "b"))).isEmpty();
    }

    @Test
    void givenASetLackingAnAccount_thenItIsMissing_andOneWithAnUnknownAccount_thenThatIsExtra() {
        assertThat(drift.visit("1", Set.of("a", "z")))
                .containsExactlyInAnyOrder(new Fix("1", "b", Kind.MISSING), new Fix("1", "z", Kind.EXTRA));
    }

    @Test
    void givenAPageNoAccountTracks_thenEveryAccountInItsSetIsExtra_butTheReservedOneStays() {
        assertThat(drift.visit("9", Set.of("x", "admin"))).containsExactly(new Fix("9", "x", Kind.EXTRA));
    }

    @Test
    void givenAnEmptiedSet_thenItsAccountsAreMissing() {
        assertThat(drift.visit("2", Set.of())).containsExactly(new Fix("2", "a", Kind.MISSING));
    }

    @Test
    void afterTheScan_thePagesItNeverMet_haveEveryAccountMissing() {
        drift.visit("1", Set.of("a", "b"));
        drift.visit("2", Set.of("a"));

        assertThat(drift.unvisited()).containsExactly(new Fix("3", "c", Kind.MISSING));
    }
}
