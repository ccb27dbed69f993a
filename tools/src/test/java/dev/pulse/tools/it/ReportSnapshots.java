package dev.pulse.tools.it;

import dev.pulse.core.topology.PulseTopology;
import dev.pulse.reporting.adapter.dynamodb.DynamoSnapshotStore;
import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.Granularity;
import dev.pulse.reporting.domain.PageActivity;
import dev.pulse.reporting.domain.PageFigures;
import dev.pulse.reporting.domain.TopPost;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Dashboard fixtures written by reporting's own store ({@code DynamoSnapshotStore}), so the items the API tests read
 * have exactly the shape the snapshot jobs write, and a change to that shape reaches the contract checks.
 */
final class ReportSnapshots {
    private ReportSnapshots() {}

    static void write(HttpApiPlatform platform, List<AccountSnapshot> snapshots) {
        new DynamoSnapshotStore(platform.dynamo, platform.table(PulseTopology.REPORTS_TABLE)).write(snapshots);
    }

    /** An hourly snapshot of one page: its counts, one top post with all the engagement, its fans and their change. */
    static AccountSnapshot hour(
            String accountId,
            Instant start,
            String pageId,
            long posts,
            long reactions,
            long comments,
            long shares,
            long mentions,
            long fans,
            OptionalLong fansChange) {
        List<TopPost> top = posts == 0
                ? List.of()
                : List.of(new TopPost(pageId + "_" + start.getEpochSecond(), pageId, reactions + comments + shares));
        PageActivity activity = new PageActivity(posts, reactions, comments, shares, top, new long[0], 0);
        return new AccountSnapshot(
                accountId,
                Granularity.HOUR.at(start),
                List.of(new PageFigures(pageId, activity, mentions, fans, fansChange)),
                0,
                0);
    }
}
