package dev.pulse.accounts.application;

import dev.pulse.accounts.domain.AccountId;
import dev.pulse.accounts.domain.PageId;
import dev.pulse.accounts.domain.TrackedPage;
import dev.pulse.accounts.domain.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pages the caller's account tracks, within its plan's limit, and their per-page side for ingest. */
public final class TrackingService {
    private final AccountStore accounts;
    private final TrackedPageStore pages;
    private final PageTracking tracking;
    private final PageCatalog catalog;
    private final Tenancy tenancy;
    private final Cursors cursors;
    private final Clock clock;

    public TrackingService(
            AccountStore accounts,
            TeamStore team,
            TrackedPageStore pages,
            PageTracking tracking,
            PageCatalog catalog,
            Cursors cursors,
            Clock clock) {
        this.accounts = accounts;
        this.pages = pages;
        this.tracking = tracking;
        this.catalog = catalog;
        this.tenancy = new Tenancy(team);
        this.cursors = cursors;
        this.clock = clock;
    }

    /**
     * Tracks a page; true when newly tracked. 404 for a page the index lacks, 409 over the plan's limit. The limit holds
     * under concurrent tracks: a slot of the account's {@code trackedCount} is reserved (a conditional increment below
     * the limit) before the page is added, and given back if a concurrent track of the same page added it first.
     */
    public boolean track(UserId caller, PageId page) {
        AccountId account = tenancy.writer(caller).accountId();
        if (catalog.find(List.of(page)).isEmpty()) {
            throw Refusal.notFound("unknown_page", "no page " + page.value() + " in the pages index");
        }
        boolean created = false;
        if (pages.find(account, page).isEmpty()) {
            int limit = accounts.find(account)
                    .orElseThrow(() -> Refusal.notFound("not_found", "no such account"))
                    .plan()
                    .trackedPagesLimit();
            if (!accounts.reserveTrackedPage(account, limit, clock.instant())) {
                throw Refusal.conflict("limit_reached", "the plan tracks at most " + limit + " pages");
            }
            created = pages.add(account, new TrackedPage(page, clock.instant()));
            if (!created) {
                accounts.releaseTrackedPage(account, clock.instant());
            }
        }
        // Also on a repeat: it repairs a crash that came between the two writes.
        tracking.track(page, account);
        return created;
    }

    /** Untracks a page; 404 when it was not tracked. The slot is given back after the page is gone. */
    public void untrack(UserId caller, PageId page) {
        AccountId account = tenancy.writer(caller).accountId();
        if (!pages.remove(account, page)) {
            throw Refusal.notFound("not_found", "page " + page.value() + " is not tracked");
        }
        accounts.releaseTrackedPage(account, clock.instant());
        tracking.untrack(page, account);
    }

    /**
     * Up to {@code limit} tracked pages after the cursor, each with its current name and fans (when indexed), and the
     * cursor of the next page when this one is full.
     */
    public PageList list(UserId caller, Optional<String> cursor, int limit) {
        AccountId account = tenancy.of(caller).accountId();
        Optional<PageId> after = cursor.map(c -> cursors.decode(account, c));
        List<TrackedPage> tracked = pages.list(account, after, limit);
        Map<PageId, PageCatalog.PageInfo> info =
                catalog.find(tracked.stream().map(TrackedPage::pageId).toList());
        List<PageView> views = tracked.stream()
                .map(p -> new PageView(p, Optional.ofNullable(info.get(p.pageId()))))
                .toList();
        Optional<String> next = tracked.size() < limit
                ? Optional.empty()
                : Optional.of(cursors.encode(account, tracked.getLast().pageId()));
        return new PageList(views, next);
    }

    /** A tracked page as listed. */
    public record PageView(TrackedPage page, Optional<PageCatalog.PageInfo> info) {}

    /** One page of the list, and where the next starts. */
    public record PageList(List<PageView> pages, Optional<String> nextCursor) {}
}
