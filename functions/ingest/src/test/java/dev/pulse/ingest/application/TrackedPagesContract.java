package dev.pulse.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TrackedPages} must do: answer exactly the tracked subset of the ids asked about (ids match whole,
 * never by prefix; a page no account tracks any more is not tracked), and report a store it cannot read as a transient failure, so the batch is retried rather than its
 * posts dropped.
 */
public abstract class TrackedPagesContract {
    /** The port over a store in which exactly these pages are tracked. */
    protected abstract TrackedPages tracking(Set<String> pageIds);

    /**
     * The port over a store in which {@code tracked} are tracked and {@code untracked} were, but every account has
     * untracked them since: their items remain, with the account set empty or absent.
     */
    protected abstract TrackedPages untrackedByEveryone(Set<String> tracked, Set<String> untracked);

    /** The port over a store that cannot be read and has never been read. */
    protected abstract TrackedPages unreadable();

    @Test
    void givenSomePagesTracked_whenAskedAboutAMix_thenExactlyTheTrackedOnes() {
        TrackedPages tracked = tracking(Set.of("101", "102", "103"));

        assertThat(tracked.trackedAmong(Set.of("101", "103", "999"))).containsExactlyInAnyOrder("101", "103");
    }

    @Test
    void givenPagesUntrackedByEveryAccount_whenAsked_thenNotTracked() {
        TrackedPages tracked = untrackedByEveryone(Set.of("101"), Set.of("102", "103"));

        assertThat(tracked.trackedAmong(Set.of("101", "102", "103"))).containsExactly("101");
    }

    @Test
    void givenNothingAsked_whenAsked_thenNothingTracked() {
        assertThat(tracking(Set.of("101")).trackedAmong(Set.of())).isEmpty();
    }

    @Test
    void givenNothingTracked_whenAsked_thenNothingTracked() {
        assertThat(tracking(Set.of()).trackedAmong(Set.of("101", "102"))).isEmpty();
    }

    @Test
    void givenIdsThatOnlyPrefixOrExtendATrackedOne_whenAsked_thenNotTracked() {
        TrackedPages tracked = tracking(Set.of("1234"));

        assertThat(tracked.trackedAmong(Set.of("123", "12345", "1234"))).containsExactly("1234");
    }

    @Test
    void givenManyPagesTracked_whenAskedAboutAll_thenAllAreFound() {
        Set<String> many = IntStream.range(0, 400).mapToObj(i -> "page-" + i).collect(Collectors.toSet());
        Set<String> asked = new HashSet<>(many);
        asked.add("page-untracked");

        assertThat(tracking(many).trackedAmong(asked)).containsExactlyInAnyOrderElementsOf(many);
    }

    @Test
    void givenTheSameQuestionTwice_whenAsked_thenTheSameAnswer() {
        TrackedPages tracked = tracking(Set.of("101", "102"));

        assertThat(tracked.trackedAmong(Set.of("101", "999"))).isEqualTo(tracked.trackedAmong(Set.of("101", "999")));
    }

    @Test
    void givenStoreUnreadable_whenAsked_thenTransientFailure() {
        TrackedPages tracked = unreadable();

        assertThatThrownBy(() -> tracked.trackedAmong(Set.of("101"))).isInstanceOf(TransientFailureException.class);
    }
}
