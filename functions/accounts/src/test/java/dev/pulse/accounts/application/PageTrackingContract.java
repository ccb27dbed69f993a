package dev.pulse.accounts.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link PageTracking} must do: an idempotent per-page set of accounts, absent when empty. */
public abstract class PageTrackingContract {
    protected abstract PageTracking tracking();

    /** The accounts the store holds for the page; empty when the page is untracked. */
    protected abstract Set<AccountId> accountsOf(PageId page);

    @Test
    void givenTwoAccountsTrackingAPage_thenBoth_andEachTrackOnce() {
        PageTracking tracking = tracking();
        PageId page = new PageId("4242");
        AccountId a = AccountId.random();
        AccountId b = AccountId.random();

        tracking.track(page, a);
        tracking.track(page, a);
        tracking.track(page, b);

        assertThat(accountsOf(page)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void givenEveryAccountUntracks_thenThePageIsUntracked_andAnUntrackReplayIsHarmless() {
        PageTracking tracking = tracking();
        PageId page = new PageId("77");
        AccountId a = AccountId.random();
        AccountId b = AccountId.random();
        tracking.track(page, a);
        tracking.track(page, b);

        tracking.untrack(page, a);
        assertThat(accountsOf(page)).containsExactly(b);
        tracking.untrack(page, b);
        tracking.untrack(page, b);

        assertThat(accountsOf(page)).isEmpty();
    }
}
