package dev.pulse.mentions.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.testing.Unique;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IndexVersions} must do: name the index behind the alias (so a swap retires every cached answer),
 * follow a swap within its refresh period, and keep the last known name while the backend is down (so cached prefixes
 * keep being served), but never invent one it has not seen.
 */
public abstract class IndexVersionsContract {
    protected final String alias = Unique.name("contract-pages");

    /** Creates {@code index} if needed and points {@link #alias} at it alone, in one step. */
    protected abstract void pointAlias(String index);

    /** The adapter under test (one per test), reading {@link #alias} through a backend {@link #cutBackend()} can cut. */
    protected abstract IndexVersions versions();

    /** Makes the backend behind {@link #versions()} unreachable from now on. */
    protected abstract void cutBackend();

    /** The adapter over a backend that has never been reachable. */
    protected abstract IndexVersions neverReachable();

    protected void dispose() {}

    @AfterEach
    void tearDownIndices() {
        dispose();
    }

    @Test
    void givenAliasOnAnIndex_whenAsked_thenThatIndex() {
        pointAlias(alias + "-v2");

        assertThat(versions().current()).contains(alias + "-v2");
    }

    @Test
    void givenAliasMoved_whenAskedAgain_thenTheNewIndexWithinTheRefreshPeriod() {
        pointAlias(alias + "-v2");
        IndexVersions versions = versions();
        assertThat(versions.current()).contains(alias + "-v2");

        pointAlias(alias + "-v3");

        Awaitility.await().until(() -> versions.current().orElseThrow().equals(alias + "-v3"));
    }

    @Test
    void givenKnownVersion_whenBackendGoesDown_thenTheLastKnownVersionStands() {
        pointAlias(alias + "-v2");
        IndexVersions versions = versions();
        assertThat(versions.current()).contains(alias + "-v2");

        cutBackend();

        for (int i = 0; i < 20; i++) {
            assertThat(versions.current()).contains(alias + "-v2");
        }
    }

    @Test
    void givenAliasMissing_whenAsked_thenUnknown() {
        assertThat(versions().current()).isEmpty();
    }

    @Test
    void givenBackendNeverReachable_whenAsked_thenUnknown() {
        IndexVersions versions = neverReachable();

        assertThat(versions.current()).isEmpty();
        assertThat(versions.current()).isEmpty();
    }
}
