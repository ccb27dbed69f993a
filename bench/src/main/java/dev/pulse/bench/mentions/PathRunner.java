package dev.pulse.bench.mentions;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Runs queries through one path with N client threads, timing every call. */
public final class PathRunner {
    private PathRunner() {}

    /** Runs {@code queries} once, split round-robin over {@code clients} threads; a call returning false is an error. */
    static Latencies run(String path, List<String> queries, int clients, Predicate<String> call) throws Exception {
        int n = queries.size();
        long[] nanos = new long[n];
        int[] lengths = new int[n];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads[c] = Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = client; i < n; i += clients) {
                    String q = queries.get(i);
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.test(q);
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    nanos[i] = System.nanoTime() - t0;
                    lengths[i] = dev.pulse.core.text.TextFolding.fold(q)
                            .codePointCount(
                                    0, dev.pulse.core.text.TextFolding.fold(q).length());
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        long wallStart = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return new Latencies(path, nanos, lengths, System.nanoTime() - wallStart, errors.get());
    }

    /** Like {@link #run} on one client, but stops early once {@code maxSeconds} have passed (for the slow baseline). */
    public static Latencies runBounded(String path, List<String> queries, double maxSeconds, Predicate<String> call) {
        long[] nanos = new long[queries.size()];
        int[] lengths = new int[queries.size()];
        int errors = 0;
        int done = 0;
        long wallStart = System.nanoTime();
        long deadline = wallStart + (long) (maxSeconds * 1e9);
        for (String q : queries) {
            if (System.nanoTime() > deadline) {
                break;
            }
            long t0 = System.nanoTime();
            boolean ok;
            try {
                ok = call.test(q);
            } catch (RuntimeException e) {
                ok = false;
            }
            nanos[done] = System.nanoTime() - t0;
            String folded = dev.pulse.core.text.TextFolding.fold(q);
            lengths[done] = folded.codePointCount(0, folded.length());
            errors += ok ? 0 : 1;
            done++;
        }
        return new Latencies(
                path,
                java.util.Arrays.copyOf(nanos, done),
                java.util.Arrays.copyOf(lengths, done),
                System.nanoTime() - wallStart,
                errors);
    }
}
