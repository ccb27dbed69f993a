package dev.pulse.bench.mentions;

import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.topology.AliasSpec;
import dev.pulse.core.topology.PulseTopology;
import dev.pulse.tools.migrate.PagesIndexAdmin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Loads the corpus into {@code <alias>-v2} (pages-v2 mapping) with bulk requests, refresh off during the load and a
 * force-merge after, then points the alias at it. An index already holding the same corpus is reused.
 */
public final class BenchIndex {
    private static final int BATCH = 5_000;
    private static final int SENDERS = 2;

    public record Load(String index, boolean reused, long loadMillis, long mergeMillis, long docs, long storeBytes) {}

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
        if (!reload && admin.indicesOf(alias).contains(index) && count(client, index) == corpus.size()) {
            return new Load(index, true, 0, 0, corpus.size(), storeBytes(client, index));
        }
        admin.delete(index);
        admin.create(index, pages.definition());
        admin.refreshInterval(index, "-1");
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int from = 0; from < corpus.size(); from += BATCH) {
                int first = from;
                int last = Math.min(corpus.size(), from + BATCH);
                pending.add(senders.submit(() -> {
                    List<PageDocument> batch = new ArrayList<>(last - first);
                    for (int i = first; i < last; i++) {
                        batch.add(corpus.document(i));
                    }
                    admin.bulkIndex(index, batch);
                    return null;
                }));
                if (pending.size() >= SENDERS * 2) {
                    pending.removeFirst().get();
                }
                if (last % 100_000 == 0) {
                    System.out.printf("  loaded %,d pages (%.0f s)%n", last, (System.nanoTime() - start) / 1e9);
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
        return new Load(index, false, loadMillis, mergeMillis, count(client, index), storeBytes(client, index));
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
