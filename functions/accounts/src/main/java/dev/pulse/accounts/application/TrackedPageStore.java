package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.accounts.domain.TrackedPage;
import java.util.List;
import java.util.Optional;

/** The account-pages table: the pages each account tracks, ordered by page id. */
public interface TrackedPageStore {
    /** Adds the page unless it is there; true when it is new. */
    boolean add(AccountId account, TrackedPage page);

    /** False when the page was not tracked. */
    boolean remove(AccountId account, PageId page);

    Optional<TrackedPage> find(AccountId account, PageId page);

    int count(AccountId account);

    /** Up to {@code limit} pages after {@code after} (exclusive), in page-id order. */
    List<TrackedPage> list(AccountId account, Optional<PageId> after, int limit);
}
