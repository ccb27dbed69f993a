package dev.pulse.accounts.http;

import dev.pulse.accounts.application.TrackingService;
import dev.pulse.accounts.domain.Account;
import dev.pulse.accounts.domain.Member;
import dev.pulse.accounts.domain.Period;
import dev.pulse.accounts.domain.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON bodies the accounts routes answer with. */
public final class Views {
    private Views() {}

    /** {@code GET /accounts/me}. */
    public record AccountView(
            String accountId,
            String name,
            SettingsView settings,
            String plan,
            Limits limits,
            Instant createdAt,
            Instant updatedAt) {
        public static AccountView of(Account a) {
            return new AccountView(
                    a.accountId().value(),
                    a.name().value(),
                    new SettingsView(a.settings().timezone(), a.settings().locale()),
                    a.plan().wire(),
                    new Limits(a.plan().trackedPagesLimit()),
                    a.createdAt(),
                    a.updatedAt());
        }
    }

    /** How the account's people see their data. */
    public record SettingsView(String timezone, String locale) {}

    /** What the plan allows. */
    public record Limits(int trackedPages) {}

    /** One member. */
    public record MemberView(String userId, String role) {
        public static MemberView of(Member m) {
            return new MemberView(m.userId().value(), m.role().wire());
        }
    }

    /** {@code GET /accounts/me/members}. */
    public record MembersView(List<MemberView> members) {}

    /** One tracked page; name and fans are absent while the index lacks the page. */
    public record TrackedPageView(String pageId, Instant addedAt, String name, Long fans) {
        public static TrackedPageView of(TrackingService.PageView v) {
            return new TrackedPageView(
                    v.page().pageId().value(),
                    v.page().addedAt(),
                    v.info().map(i -> i.name()).orElse(null),
                    v.info().map(i -> i.fans()).orElse(null));
        }
    }

    /** {@code GET /accounts/me/tracked-pages}. */
    public record TrackedPagesView(List<TrackedPageView> pages, String nextCursor) {}

    /** {@code PUT /accounts/me/tracked-pages/{pageId}}. */
    public record TrackedView(String pageId, boolean tracked) {}

    /** One snapshot. */
    public record SnapshotView(Instant start, Map<String, Object> figures) {
        public static SnapshotView of(Snapshot s) {
            return new SnapshotView(s.start(), s.figures());
        }
    }

    /** {@code GET /accounts/me/dashboards/{period}}. */
    public record DashboardView(String period, Instant from, Instant to, List<SnapshotView> snapshots) {
        public static DashboardView of(Period p, Instant from, Instant to, List<Snapshot> snapshots) {
            return new DashboardView(
                    p.wire(), from, to, snapshots.stream().map(SnapshotView::of).toList());
        }
    }
}
