package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.Shard;
import dev.pulse.reporting.domain.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a run's accounts into shards of about {@code pagesPerShard} tracked pages (an account is never split, so a
 * large one is a shard of its own), keeping id order, so one invocation never nears Lambda's 15 minutes.
 */
final class ShardPlan {
    /** Keeps a shard's message (about 40 bytes an account) well under SQS's 256 KB. */
    static final int MAX_ACCOUNTS = 2_000;

    private ShardPlan() {}

    static List<Shard> of(
            Window window, String fanOut, List<String> accounts, Map<String, List<String>> pages, int pagesPerShard) {
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        int size = 0;
        for (String account : accounts) {
            int own = pages.get(account).size();
            if (!group.isEmpty() && (size + own > pagesPerShard || group.size() == MAX_ACCOUNTS)) {
                groups.add(group);
                group = new ArrayList<>();
                size = 0;
            }
            group.add(account);
            size += own;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            shards.add(new Shard(window, fanOut, i, groups.size(), groups.get(i)));
        }
        return shards;
    }
}
