package dev.pulse.reporting.application;

import dev.pulse.reporting.domain.AccountSnapshot;
import dev.pulse.reporting.domain.JobFlags;
import dev.pulse.reporting.domain.PageActivity;
import dev.pulse.reporting.domain.PageFigures;
import dev.pulse.reporting.domain.Shard;
import dev.pulse.reporting.domain.Window;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A snapshot run over one window: every account not yet done in the run's checkpoint, in chunks whose pages share
 * aggregation requests, at most {@code pace} chunks at once and all the work paced (search requests and store calls).
 * Per chunk the stored fans are read in one batch per window, and snapshots are written {@value #WRITE_BATCH} at a
 * time, each batch checkpointed once written. Each account's snapshot is rebuilt from the indices and overwritten
 * whole, so a rerun or a resumed run (whose last batch may have been written but not checkpointed) never counts
 * anything twice. One
 * account's failure goes to the dead-letter queue and the run goes on; a search failure that outlasts the pacer's
 * retries fails the run, which its retry resumes from the checkpoint.
 */
public final class SnapshotJob {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotJob.class);
    /** Snapshots per batch write (DynamoDB's BatchWriteItem limit), and accounts per checkpoint write. */
    static final int WRITE_BATCH = 25;

    private final AccountPages accounts;
    private final PostAnalytics analytics;
    private final PageFans fans;
    private final SnapshotStore snapshots;
    private final RunCheckpoint checkpoint;
    private final DeadLetters deadLetters;
    private final Flags flags;
    private final Pacing pacing;
    private final JobMetrics metrics;
    private final Clock clock;

    /** Builds the run's pacer from its flags, so a changed pace applies to the next run. */
    public interface Pacing {
        Pacer pacer(JobFlags flags);
    }

    public SnapshotJob(
            AccountPages accounts,
            PostAnalytics analytics,
            PageFans fans,
            SnapshotStore snapshots,
            RunCheckpoint checkpoint,
            DeadLetters deadLetters,
            Flags flags,
            Pacing pacing,
            JobMetrics metrics,
            Clock clock) {
        this.accounts = accounts;
        this.analytics = analytics;
        this.fans = fans;
        this.snapshots = snapshots;
        this.checkpoint = checkpoint;
        this.deadLetters = deadLetters;
        this.flags = flags;
        this.pacing = pacing;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Snapshots {@code window} for every account in this process; {@code fresh} first forgets the run's checkpoint (an
     * on-demand rebuild). Stops between chunks when the job is switched off or {@code deadline} nears.
     */
    public RunResult run(Window window, boolean fresh, Instant deadline) {
        return run(window, fresh, deadline, Progress.NONE);
    }

    /** As {@link #run(Window, boolean, Instant)}, telling {@code progress} of every account finished. */
    public RunResult run(Window window, boolean fresh, Instant deadline, Progress progress) {
        if (notEnded(window)) {
            return RunResult.notEnded();
        }
        JobFlags start = flags.current();
        if (!start.enabled()) {
            return switchedOff(window);
        }
        if (fresh) {
            checkpoint.reset(window);
        }
        RunResult result = process(window, accounts.all(), start, deadline, progress);
        LOG.info("{} {} {}", flags.job(), window.key(), result);
        metrics.snapshots(flags.job(), result);
        return result;
    }

    /**
     * A run of {@code window} for some accounts only (a backfill of one account); as {@link #run(Window, boolean,
     * Instant, Progress)} otherwise.
     */
    public RunResult runFor(Window window, Collection<String> only, Instant deadline, Progress progress) {
        if (notEnded(window)) {
            return RunResult.notEnded();
        }
        JobFlags start = flags.current();
        if (!start.enabled()) {
            return switchedOff(window);
        }
        RunResult result = process(window, accounts.of(only), start, deadline, progress);
        LOG.info("{} {} for {} account(s) {}", flags.job(), window.key(), only.size(), result);
        return result;
    }

    /** How many accounts a run of every account would cover (a progress display's total). */
    public int accountCount() {
        return accounts.all().size();
    }

    /**
     * The scheduled run of a fanned-out job: splits the accounts not yet done into shards of about {@code
     * pagesPerShard} tracked pages and sends one message per shard; each is then run by {@link #runShard}.
     */
    public FanOut fanOut(Window window, boolean fresh, ShardQueue queue, int pagesPerShard) {
        if (notEnded(window)) {
            return FanOut.notEnded();
        }
        JobFlags start = flags.current();
        if (!start.enabled()) {
            switchedOff(window);
            return FanOut.switchedOff();
        }
        if (fresh) {
            checkpoint.reset(window);
        }
        SortedMap<String, List<String>> all = accounts.all();
        Set<String> done = checkpoint.done(window);
        List<String> todo = all.keySet().stream().filter(a -> !done.contains(a)).toList();
        List<Shard> shards = ShardPlan.of(window, UUID.randomUUID().toString(), todo, all, pagesPerShard);
        queue.send(shards);
        FanOut result = new FanOut(RunResult.COMPLETE, todo.size(), done.size(), shards.size());
        LOG.info("{} {} fanned out {}", flags.job(), window.key(), result);
        return result;
    }

    /**
     * One shard of a fanned-out run: its accounts not yet done in the run's checkpoint (so a redelivered shard writes
     * nothing twice), then the shard marked done; the call that finishes the fan-out's last shard completes the run.
     */
    public RunResult runShard(Shard shard, Instant deadline) {
        if (notEnded(shard.window())) {
            return RunResult.notEnded();
        }
        JobFlags start = flags.current();
        if (!start.enabled()) {
            return switchedOff(shard.window());
        }
        RunResult result = process(shard.window(), accounts.of(shard.accounts()), start, deadline, Progress.NONE);
        boolean runCompleted = RunResult.COMPLETE.equals(result.status()) && checkpoint.shardDone(shard);
        LOG.info(
                "{} {} shard {}/{}{} {}",
                flags.job(),
                shard.window().key(),
                shard.index() + 1,
                shard.count(),
                runCompleted ? " (the run's last)" : "",
                result);
        metrics.shard(flags.job(), result, runCompleted);
        return result;
    }

    /**
     * Told of each account a run finished (written or failed), for a progress display; asked between chunks whether
     * to stop (Ctrl-C in a backfill), which ends the run as {@link RunResult#STOPPED} once the chunks in flight finish.
     */
    public interface Progress {
        Progress NONE = (account, written) -> {};

        void accountDone(String account, boolean written);

        default boolean stopRequested() {
            return false;
        }
    }

    /**
     * Whether {@code window} is still running at the clock's now: its snapshot would be a partial count stored as if
     * final (and, for the fans, the wrong end point), so nothing is written for it.
     */
    private boolean notEnded(Window window) {
        Instant now = clock.instant();
        if (window.end().isAfter(now)) {
            LOG.warn(
                    "{}: {} has not ended yet (it ends at {}, now {}); nothing written",
                    flags.job(),
                    window.key(),
                    window.end(),
                    now);
            return true;
        }
        return false;
    }

    private RunResult switchedOff(Window window) {
        LOG.info("{} is switched off in the flags table; nothing to do for {}", flags.job(), window.key());
        RunResult off = RunResult.switchedOff();
        metrics.snapshots(flags.job(), off);
        return off;
    }

    private RunResult process(
            Window window, SortedMap<String, List<String>> all, JobFlags start, Instant deadline, Progress progress) {
        Set<String> done = checkpoint.done(window);
        List<String> todo = all.keySet().stream().filter(a -> !done.contains(a)).toList();
        int alreadyDone = all.size() - todo.size();
        Pacer pacer = pacing.pacer(start);
        Tally tally = new Tally();
        AtomicReference<String> stop = new AtomicReference<>();
        Semaphore lanes = new Semaphore(start.pace());
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Chunks.Chunk chunk : Chunks.of(todo, all, start.batchSize())) {
                String reason = progress.stopRequested() ? RunResult.STOPPED : stopReason(deadline);
                if (reason != null) {
                    stop.compareAndSet(null, reason);
                    break;
                }
                acquire(lanes);
                running.add(pool.submit(() -> {
                    try {
                        chunk(chunk, all, window, start.batchSize(), pacer, tally, progress);
                    } finally {
                        lanes.release();
                    }
                }));
            }
            for (Future<?> future : running) {
                join(future);
            }
        }
        String status = stop.get() == null ? RunResult.COMPLETE : stop.get();
        return new RunResult(
                status,
                tally.written.get(),
                alreadyDone,
                tally.failed.get(),
                tally.pages.get(),
                tally.unknownPages.get(),
                tally.skippedPosts.get(),
                pacer.requests());
    }

    private String stopReason(Instant deadline) {
        if (!flags.current().enabled()) {
            LOG.info("{} was switched off during the run; stopping, the rest resumes on the next run", flags.job());
            return RunResult.STOPPED;
        }
        if (!clock.instant().isBefore(deadline)) {
            return RunResult.OUT_OF_TIME;
        }
        return null;
    }

    private void chunk(
            Chunks.Chunk chunk,
            Map<String, List<String>> all,
            Window window,
            int batchSize,
            Pacer pacer,
            Tally tally,
            Progress progress) {
        Map<String, PageActivity> activity = new HashMap<>();
        Map<String, Long> mentions = new HashMap<>();
        Map<String, Long> known = new HashMap<>();
        for (List<String> batch : Chunks.batches(chunk.pages(), batchSize)) {
            known.putAll(pacer.call(() -> fans.fans(batch)));
            mentions.putAll(pacer.call(() -> analytics.mentions(batch, window)));
            Optional<String> after = Optional.empty();
            do {
                Optional<String> from = after;
                PostAnalytics.ActivityPage page = pacer.call(() -> analytics.activity(batch, window, from));
                activity.putAll(page.pages());
                after = page.after();
            } while (after.isPresent());
        }
        List<String> members = chunk.accounts();
        Map<String, Map<String, Long>> recorded = pacer.step(() -> snapshots.fans(members, window));
        Map<String, Map<String, Long>> previous = pacer.step(() -> snapshots.fans(members, window.previous()));
        List<AccountSnapshot> built = new ArrayList<>();
        for (String account : members) {
            try {
                built.add(snapshot(
                        account,
                        all.get(account),
                        window,
                        activity,
                        mentions,
                        known,
                        recorded.getOrDefault(account, Map.of()),
                        previous.getOrDefault(account, Map.of())));
            } catch (RuntimeException e) {
                failed(window, account, e, tally, progress);
            }
        }
        for (List<AccountSnapshot> group : Chunks.batches(built, WRITE_BATCH)) {
            List<AccountSnapshot> written = write(group, pacer, window, tally, progress);
            List<String> ids = written.stream().map(AccountSnapshot::accountId).toList();
            if (!ids.isEmpty()) {
                pacer.step(() -> checkpoint.markDone(window, ids));
            }
            for (AccountSnapshot snapshot : written) {
                tally.count(snapshot);
                progress.accountDone(snapshot.accountId(), true);
            }
        }
    }

    /**
     * Writes {@code group} in one batch; when the batch fails, writes its snapshots one by one so only the failing
     * account goes to the dead-letter queue (the batch may have written some already: rewriting one writes the same
     * item). The accounts written come back, to be checkpointed after their snapshots, never before.
     */
    private List<AccountSnapshot> write(
            List<AccountSnapshot> group, Pacer pacer, Window window, Tally tally, Progress progress) {
        try {
            pacer.step(() -> snapshots.write(group));
            return group;
        } catch (RuntimeException batchFailed) {
            LOG.info(
                    "{} {}: a batch of {} snapshots failed ({}); writing them one by one",
                    flags.job(),
                    window.key(),
                    group.size(),
                    batchFailed.toString());
        }
        List<AccountSnapshot> written = new ArrayList<>();
        for (AccountSnapshot snapshot : group) {
            try {
                pacer.step(() -> snapshots.write(List.of(snapshot)));
                written.add(snapshot);
            } catch (RuntimeException e) {
                failed(window, snapshot.accountId(), e, tally, progress);
            }
        }
        return written;
    }

    private void failed(Window window, String account, RuntimeException e, Tally tally, Progress progress) {
        tally.failed.incrementAndGet();
        LOG.warn("{} {}: account {} failed, sent to the dead-letter queue", flags.job(), window.key(), account, e);
        deadLetters.accountFailed(flags.job(), window, account, e.toString());
        progress.accountDone(account, false);
    }

    /**
     * One account's snapshot. Fans are those the period's first snapshot recorded (the pages index holds only today's),
     * so a rerun keeps them; their change is against the previous period's snapshot.
     */
    private AccountSnapshot snapshot(
            String account,
            List<String> pages,
            Window window,
            Map<String, PageActivity> activity,
            Map<String, Long> mentions,
            Map<String, Long> known,
            Map<String, Long> recorded,
            Map<String, Long> previous) {
        List<PageFigures> figures = new ArrayList<>();
        int unknown = 0;
        long skipped = 0;
        for (String page : pages) {
            Long now = recorded.containsKey(page) ? recorded.get(page) : known.get(page);
            if (now == null) {
                unknown++;
                continue;
            }
            PageActivity act = activity.getOrDefault(page, PageActivity.NONE);
            skipped += act.skipped();
            OptionalLong change =
                    previous.containsKey(page) ? OptionalLong.of(now - previous.get(page)) : OptionalLong.empty();
            figures.add(new PageFigures(page, act, mentions.getOrDefault(page, 0L), now, change));
        }
        return new AccountSnapshot(account, window, figures, unknown, skipped);
    }

    private static void acquire(Semaphore lanes) {
        try {
            lanes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void join(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The run's counts, shared by its chunks. */
    private static final class Tally {
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger pages = new AtomicInteger();
        final AtomicInteger unknownPages = new AtomicInteger();
        final AtomicLong skippedPosts = new AtomicLong();

        void count(AccountSnapshot snapshot) {
            written.incrementAndGet();
            pages.addAndGet(snapshot.pages().size() + snapshot.unknownPages());
            unknownPages.addAndGet(snapshot.unknownPages());
            skippedPosts.addAndGet(snapshot.skippedPosts());
        }
    }
}
