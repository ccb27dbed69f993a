package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.JobFlags;
import dev.pulse.reporting.domain.PageActivity;
import dev.pulse.reporting.domain.PageFigures;
import dev.pulse.reporting.domain.Shard;
import dev.pulse.reporting.domain.TopPost;
import dev.pulse.reporting.domain.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory fakes of the reporting ports, for unit tests; every post is a record the fakes aggregate by brute force. */
public final class InMemoryReporting {
    private InMemoryReporting() {}

    /** A post as the fakes hold it; null counts are a post with a missing field. */
    public record Post(
            String postId,
            String pageId,
            Instant created,
            Integer reactions,
            Integer comments,
            Integer shares,
            List<String> mentions) {}

    public static final class Accounts implements AccountPages {
        public final SortedMap<String, List<String>> pages = new TreeMap<>();

        @Override
        public SortedMap<String, List<String>> all() {
            SortedMap<String, List<String>> copy = new TreeMap<>();
            pages.forEach((a, p) -> copy.put(a, p.stream().sorted().toList()));
            return copy;
        }
    }

    /** Brute-force aggregations over a list of posts; counts the calls, as the real adapter makes one request each. */
    public static final class Analytics implements PostAnalytics, PageFans {
        public final List<Post> posts = new ArrayList<>();
        public final Map<String, Long> fans = new HashMap<>();
        public final AtomicInteger calls = new AtomicInteger();

        @Override
        public ActivityPage activity(List<String> pages, Window window, Optional<String> after) {
            calls.incrementAndGet();
            Map<String, PageActivity> found = new HashMap<>();
            for (String page : pages) {
                List<Post> own = posts.stream()
                        .filter(p -> page.equals(p.pageId()) && in(window, p))
                        .toList();
                if (own.isEmpty()) {
                    continue;
                }
                List<Post> complete = own.stream()
                        .filter(p -> p.postId() != null
                                && p.reactions() != null
                                && p.comments() != null
                                && p.shares() != null)
                        .toList();
                long[] hourly = new long[window.hours()];
                for (Post p : complete) {
                    if (hourly.length > 0) {
                        hourly[
                                (int) ((p.created().toEpochMilli()
                                                - window.start().toEpochMilli())
                                        / 3_600_000L)]++;
                    }
                }
                found.put(
                        page,
                        new PageActivity(
                                complete.size(),
                                complete.stream().mapToLong(Post::reactions).sum(),
                                complete.stream().mapToLong(Post::comments).sum(),
                                complete.stream().mapToLong(Post::shares).sum(),
                                complete.stream()
                                        .map(p -> new TopPost(
                                                p.postId(), page, (long) p.reactions() + p.comments() + p.shares()))
                                        .toList(),
                                hourly,
                                own.size() - complete.size()));
            }
            return new ActivityPage(found, Optional.empty());
        }

        @Override
        public Map<String, Long> mentions(List<String> pages, Window window) {
            calls.incrementAndGet();
            Map<String, Long> counts = new HashMap<>();
            for (Post p : posts) {
                if (in(window, p) && p.mentions() != null) {
                    p.mentions().stream()
                            .filter(pages::contains)
                            .distinct()
                            .forEach(m -> counts.merge(m, 1L, Long::sum));
                }
            }
            return counts;
        }

        @Override
        public Map<String, Long> fans(List<String> pages) {
            calls.incrementAndGet();
            Map<String, Long> found = new HashMap<>();
            pages.stream().filter(fans::containsKey).forEach(p -> found.put(p, fans.get(p)));
            return found;
        }

        private static boolean in(Window window, Post p) {
            return p.created() != null
                    && !p.created().isBefore(window.start())
                    && p.created().isBefore(window.end());
        }
    }

    public static final class Snapshots implements SnapshotStore {
        public final Map<String, AccountSnapshot> stored = new ConcurrentHashMap<>();
        public final Set<String> failing = ConcurrentHashMap.newKeySet();
        /** Writes left before the store "crashes" the process (an Error, as a killed instance would stop). */
        public volatile int crashAfter = Integer.MAX_VALUE;

        /** Batch reads made, so a test can see that a chunk reads its accounts together. */
        public final AtomicInteger reads = new AtomicInteger();
        /** Batch writes made. */
        public final AtomicInteger writes = new AtomicInteger();

        @Override
        public Map<String, Map<String, Long>> fans(Collection<String> accountIds, Window window) {
            reads.incrementAndGet();
            Map<String, Map<String, Long>> all = new HashMap<>();
            for (String accountId : accountIds) {
                AccountSnapshot s = stored.get(accountId + "|" + window.key());
                if (s != null) {
                    Map<String, Long> fans = new HashMap<>();
                    s.pages().forEach(p -> fans.put(p.pageId(), p.fans()));
                    all.put(accountId, fans);
                }
            }
            return all;
        }

        /** A batch with a failing account is rejected whole; a crash can stop a batch halfway, as a killed process. */
        @Override
        public synchronized void write(List<AccountSnapshot> snapshots) {
            writes.incrementAndGet();
            for (AccountSnapshot snapshot : snapshots) {
                if (failing.contains(snapshot.accountId())) {
                    throw new IllegalStateException("cannot write " + snapshot.accountId());
                }
            }
            for (AccountSnapshot snapshot : snapshots) {
                if (crashAfter-- <= 0) {
                    throw new SimulatedCrash();
                }
                stored.put(snapshot.accountId() + "|" + snapshot.window().key(), snapshot);
            }
        }

        public AccountSnapshot get(String account, Window window) {
            return stored.get(account + "|" + window.key());
        }
    }

    /** Stands for the process dying: no account-level handler catches an Error. */
    public static final class SimulatedCrash extends Error {
        public SimulatedCrash() {
            super("simulated crash");
        }
    }

    public static final class Checkpoint implements RunCheckpoint {
        private final Map<String, Set<String>> done = new ConcurrentHashMap<>();

        @Override
        public Set<String> done(Window window) {
            return Set.copyOf(done.getOrDefault(window.key(), Set.of()));
        }

        /** Checkpoint writes made. */
        public final AtomicInteger marks = new AtomicInteger();

        @Override
        public void markDone(Window window, Collection<String> accountIds) {
            marks.incrementAndGet();
            done.computeIfAbsent(window.key(), k -> ConcurrentHashMap.newKeySet())
                    .addAll(accountIds);
        }

        @Override
        public void reset(Window window) {
            done.remove(window.key());
        }

        @Override
        public synchronized boolean shardDone(Shard shard) {
            Set<String> shards = done.computeIfAbsent(shard.fanOut(), k -> ConcurrentHashMap.newKeySet());
            boolean last = !shards.contains(Integer.toString(shard.index())) && shards.size() == shard.count() - 1;
            shards.add(Integer.toString(shard.index()));
            return last;
        }
    }

    /** The shard queue: what a fan-out sent. */
    public static final class ShardsSent implements ShardQueue {
        public final List<Shard> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(List<Shard> shards) {
            sent.addAll(shards);
        }
    }

    public static final class Letters implements DeadLetters {
        public final List<String> failed = new CopyOnWriteArrayList<>();

        @Override
        public void accountFailed(String job, Window window, String accountId, String error) {
            failed.add(job + " " + window.key() + " " + accountId);
        }
    }

    public static final class FlagsTable implements FlagStore {
        public final Map<String, JobFlags> flags = new ConcurrentHashMap<>();

        @Override
        public Optional<JobFlags> read(String job) {
            return Optional.ofNullable(flags.get(job));
        }

        @Override
        public void write(String job, JobFlags value) {
            flags.put(job, value);
        }

        @Override
        public Map<String, JobFlags> all() {
            return new TreeMap<>(flags);
        }
    }

    public static final class Indices implements IndexAdmin {
        public final Set<String> names = new HashSet<>();

        @Override
        public List<String> list(String prefix) {
            return names.stream()
                    .filter(n -> n.startsWith(prefix + "-"))
                    .sorted()
                    .toList();
        }

        @Override
        public void delete(String index) {
            names.remove(index);
        }
    }

    /** The figures of one page, summed by brute force, for assertions. */
    public static PageFigures page(AccountSnapshot snapshot, String pageId) {
        return snapshot.pages().stream()
                .filter(p -> p.pageId().equals(pageId))
                .findFirst()
                .orElseThrow();
    }
}
