package dev.pulse.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.accounts.domain.TrackedPage;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link TrackedPageStore} must do. */
public abstract class TrackedPageStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    protected abstract TrackedPageStore store();

    private final AccountId acme = AccountId.random();
    private final AccountId other = AccountId.random();

    @Test
    void givenAPageAddedTwice_thenNewOnce_foundAndCountedOnce() {
        TrackedPageStore store = store();
        TrackedPage page = new TrackedPage(new PageId("101"), T0);

        assertThat(store.add(acme, page)).isTrue();
        assertThat(store.add(acme, new TrackedPage(new PageId("101"), T0.plusSeconds(9))))
                .isFalse();

        assertThat(store.find(acme, page.pageId())).contains(page);
        assertThat(store.count(acme)).isEqualTo(1);
        assertThat(store.find(other, page.pageId())).isEmpty();
        assertThat(store.count(other)).isZero();
    }

    @Test
    void givenPages_thenListedInIdOrder_inPagesAfterTheLastSeen() {
        TrackedPageStore store = store();
        for (String id : new String[] {"300", "100", "200", "400", "500"}) {
            store.add(acme, new TrackedPage(new PageId(id), T0));
        }

        assertThat(store.list(acme, Optional.empty(), 2))
                .extracting(p -> p.pageId().value())
                .containsExactly("100", "200");
        assertThat(store.list(acme, Optional.of(new PageId("200")), 2))
                .extracting(p -> p.pageId().value())
                .containsExactly("300", "400");
        assertThat(store.list(acme, Optional.of(new PageId("400")), 2))
                .extracting(p -> p.pageId().value())
                .containsExactly("500");
    }

    @Test
    void givenARemovedPage_thenRemovedOnce_andGone() {
        TrackedPageStore store = store();
        store.add(acme, new TrackedPage(new PageId("7"), T0));

        assertThat(store.remove(acme, new PageId("7"))).isTrue();
        assertThat(store.remove(acme, new PageId("7"))).isFalse();
        assertThat(store.count(acme)).isZero();
    }
}
