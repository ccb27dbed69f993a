package dev.pulse.bench.mentions;

import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.topology.AliasSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.tools.migrate.PagesIndexAdmin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Loads the corpus into {@code <alias>-v2} (pages-v2 mapping) with bulk requests, refresh off during the load and a
 * force-merge after, then points the alias at it. An index already holding the same corpus (its size, first and last
 * page) is reused.
 *
 * <p>Before a load it measures the ceiling the loader is judged against: {@code _bulk} bodies of the corpus's first
 * pages, built in advance and sent as they are (same batch size, same two senders, same transport) into a scratch
 * index of the same mapping. The loader's rate over the same first pages, generated and serialised as it goes, is then
 * comparable with it.
 */
public final class BenchIndex {
    private static final int BATCH = 5_000;
    private static final int SENDERS = 2;
    private static final int CEILING_PAGES = 1_000_000;

    /**
     * How a load went. {@code sampleDocs} is how many of the first pages both the ceiling and the loader's sample rate
     * cover; the rates are zero for a reused index.
     */
    public record Load(
            String index,
            boolean reused,
            long loadMillis,
            long mergeMillis,
            long docs,
            long storeBytes,
            int sampleDocs,
            double ceilingDocsPerSecond,
            double sampleDocsPerSecond) {}

    private BenchIndex() {}

    public static Load ensure(OpenSearchClient client, String alias, BenchCorpus corpus, boolean reload)
            throws Exception {
        PagesIndexAdmin admin = new PagesIndexAdmin(client);
        // The same mapping version the topology's pages alias uses, under the bench's own alias.
        AliasSpec pages = PulseTopology.define().aliases().stream()
                .filter(a -> a.alias().equals(PulseTopology.PAGES_ALIAS))
                .findFirst()
                .orElseThrow();
        String index = alias + pages.index().substring(pages.alias().length());
        if (!reload && admin.indicesOf(alias).contains(index) && holds(client, index, corpus)) {
            return new Load(index, true, 0, 0, corpus.size(), storeBytes(client, index), 0, 0, 0);
        }
        int sample = Math.min(corpus.size(), CEILING_PAGES);
        double ceiling = ceiling(admin, alias + "-bulk-ceiling", pages.definition(), corpus, sample);
        System.out.printf(
                "  bulk ceiling: %,d prepared pages sent raw at %,.0f docs/s (load %s)%n",
                sample, ceiling, MachineFacts.loadAverage());

        admin.delete(index);
        admin.create(index, pages.definition());
        admin.refreshInterval(index, "-1");
        long start = System.nanoTime();
        long sampleNanos = 0;
        int every = Math.max(100_000, corpus.size() / 20);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            Deque<Future<?>> pending = new ArrayDeque<>();
            BenchCorpus.Cursor cursor = corpus.pages();
            int loaded = 0;
            while (cursor.hasNext()) {
                List<PageDocument> batch = new ArrayList<>(BATCH);
                while (cursor.hasNext() && batch.size() < BATCH) {
                    batch.add(cursor.next().document());
                }
                pending.add(senders.submit(() -> {
                    admin.bulkIndex(index, batch);
                    return null;
                }));
                if (pending.size() >= SENDERS * 2) {
                    pending.removeFirst().get();
                }
                loaded += batch.size();
                if (sampleNanos == 0 && loaded >= sample) {
                    for (Future<?> each : pending) {
                        each.get();
                    }
                    pending.clear();
                    sampleNanos = System.nanoTime() - start;
                }
                if (loaded % every == 0) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(
                            "  loaded %,d pages (%.0f s, %,.0f docs/s, load %s)%n",
                            loaded, seconds, loaded / seconds, MachineFacts.loadAverage());
                }
            }
            for (Future<?> each : pending) {
                each.get();
            }
        } finally {
            senders.shutdown();
        }
        admin.refreshInterval(index, "1s");
        admin.refresh(index);
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        long mergeStart = System.nanoTime();
        client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L));
        long mergeMillis = (System.nanoTime() - mergeStart) / 1_000_000;
        admin.refresh(index);
        admin.pointAlias(alias, index);
        return new Load(
                index,
                false,
                loadMillis,
                mergeMillis,
                count(client, index),
                storeBytes(client, index),
                sample,
                ceiling,
                sample / (sampleNanos / 1e9));
    }

    /** Docs/s of the corpus's first {@code pages} pages as prepared {@code _bulk} bodies, into a scratch index. */
    private static double ceiling(
            PagesIndexAdmin admin, String scratch, String definition, BenchCorpus corpus, int pages) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        BenchCorpus.Cursor cursor = corpus.pages();
        for (int from = 0; from < pages; from += BATCH) {
            List<PageDocument> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(pages, from + BATCH); i++) {
                batch.add(cursor.next().document());
            }
            bodies.add(PagesIndexAdmin.bulkBody(scratch, batch));
        }
        admin.delete(scratch);
        admin.create(scratch, definition);
        admin.refreshInterval(scratch, "-1");
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            Deque<Future<?>> pending = new ArrayDeque<>();
            for (byte[] body : bodies) {
                pending.add(senders.submit(() -> {
                    admin.bulk(body);
                    return null;
                }));
                if (pending.size() >= SENDERS * 2) {
                    pending.removeFirst().get();
                }
            }
            for (Future<?> each : pending) {
                each.get();
            }
        } finally {
            senders.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        admin.delete(scratch);
        return pages / seconds;
    }

    /** Whether the index holds this corpus: the same count, and the same first and last page names. */
    private static boolean holds(OpenSearchClient client, String index, BenchCorpus corpus) {
        return count(client, index) == corpus.size()
                && corpus.firstName.equals(name(client, index, BenchCorpus.id(0)))
                && corpus.lastName.equals(name(client, index, BenchCorpus.id(corpus.size() - 1)));
    }

    @SuppressWarnings("rawtypes")
    private static String name(OpenSearchClient client, String index, String id) {
        try {
            Map source = client.get(g -> g.index(index).id(id), Map.class).source();
            return source == null ? null : String.valueOf(source.get("name"));
        } catch (Exception e) {
            return null;
        }
    }

    private static long count(OpenSearchClient client, String index) {
        try {
            return client.count(c -> c.index(index)).count();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long storeBytes(OpenSearchClient client, String index) throws Exception {
        var stats = client.indices().stats(s -> s.index(index));
        return stats.all().primaries().store().sizeInBytes();
    }
}
