package dev.pulse.bench.mentions;

import java.util.List;
import java.util.Locale;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The mentions bench's corpus of a given size, loaded (or reused) under its own alias {@code bench-pages-<size>}, with
 * its keystroke traffic: what {@code ./pulse bench mentions} measures, and what other benches reuse so that every
 * figure at "1M pages" is taken on the same index.
 */
public final class BenchPages {
    private final BenchCorpus corpus;
    private final String alias;
    private final BenchIndex.Load load;

    private BenchPages(BenchCorpus corpus, String alias, BenchIndex.Load load) {
        this.corpus = corpus;
        this.alias = alias;
        this.load = load;
    }

    /** Generates the corpus, loads it unless the alias already holds it (or {@code reload}), and prints how it went. */
    public static BenchPages ensure(OpenSearchClient admin, int size, boolean reload) throws Exception {
        long t0 = System.nanoTime();
        BenchCorpus corpus = new BenchCorpus(size, 42);
        System.out.printf(
                "corpus: fans and popularity order of %,d pages generated in %.1f s (names are streamed)%n",
                size, (System.nanoTime() - t0) / 1e9);
        String alias = "bench-pages-" + size;
        BenchIndex.Load load = BenchIndex.ensure(admin, alias, corpus, reload);
        System.out.printf(
                "index %s: %,d docs, %.1f MB on disk, %s%n",
                load.index(),
                load.docs(),
                load.storeBytes() / 1e6,
                load.reused()
                        ? "reused (same corpus; --reload rebuilds)"
                        : String.format(
                                Locale.ROOT,
                                "bulk-loaded in %.1f s (%.0f docs/s), force-merged in %.1f s",
                                load.loadMillis() / 1e3,
                                size / (load.loadMillis() / 1e3),
                                load.mergeMillis() / 1e3));
        if (!load.reused()) {
            System.out.printf(
                    Locale.ROOT,
                    "loader vs bulk ceiling over the first %,d pages: %,.0f vs %,.0f docs/s = %.2f%n",
                    load.sampleDocs(),
                    load.sampleDocsPerSecond(),
                    load.ceilingDocsPerSecond(),
                    load.sampleDocsPerSecond() / load.ceilingDocsPerSecond());
        }
        return new BenchPages(corpus, alias, load);
    }

    /** The alias the corpus is loaded under. */
    public String alias() {
        return alias;
    }

    /** {@code count} keystroke queries from typing sessions (see {@link KeystrokeSessions}), deterministic by seed. */
    public List<String> keystrokes(int count, long seed) {
        return KeystrokeSessions.generate(corpus, count, seed);
    }

    /** How the index was loaded in this run, or that it was reused. */
    public BenchIndex.Load load() {
        return load;
    }

    BenchCorpus corpus() {
        return corpus;
    }
}
