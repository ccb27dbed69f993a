package dev.pulse.bench.mentions;

import dev.pulse.core.text.TextFolding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.fst.WFSTCompletionLookup;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The physical-limit reference: Lucene's weighted FST completion, in process, over the same folded names. Each name
 * is entered once per word start (so "york" finds "New York Times"), weighted by fans, with the page's position after
 * a separator so results can be de-duplicated. No network, no scoring, no typo tolerance.
 */
final class FstSuggester implements AutoCloseable {
    private static final char SEPARATOR = '\u0001';

    private final WFSTCompletionLookup lookup;
    private final FSDirectory tempDir;
    private final Path tempPath;
    final long buildMillis;
    final long entries;

    FstSuggester(BenchCorpus corpus) {
        try {
            tempPath = Files.createTempDirectory("pulse-fst");
            tempDir = FSDirectory.open(tempPath);
            lookup = new WFSTCompletionLookup(tempDir, "wfst", true);
            long start = System.nanoTime();
            Entries input = new Entries(corpus);
            lookup.build(input);
            buildMillis = (System.nanoTime() - start) / 1_000_000;
            entries = input.count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to {@code limit} distinct page positions for the typed prefix, most popular first. */
    List<Integer> suggest(String typed, int limit) {
        String prefix = TextFolding.fold(typed);
        Set<Integer> pages = new LinkedHashSet<>();
        List<Lookup.LookupResult> results;
        try {
            results = lookup.lookup(prefix, false, limit * 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Lookup.LookupResult result : results) {
            String key = result.key.toString();
            pages.add(Integer.parseInt(key.substring(key.lastIndexOf(SEPARATOR) + 1)));
            if (pages.size() == limit) {
                break;
            }
        }
        return new ArrayList<>(pages);
    }

    long sizeInBytes() {
        return lookup.ramBytesUsed();
    }

    @Override
    public void close() throws IOException {
        tempDir.close();
        try (var files = Files.walk(tempPath)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** Feeds every word-start suffix of every folded name to the FST builder. */
    private static final class Entries implements InputIterator {
        private final BenchCorpus.Cursor pages;
        private BenchCorpus.Page page;
        private List<String> suffixes = List.of();
        private int next;
        private long count;

        Entries(BenchCorpus corpus) {
            this.pages = corpus.pages();
        }

        @Override
        public BytesRef next() {
            while (next >= suffixes.size()) {
                if (!pages.hasNext()) {
                    return null;
                }
                page = pages.next();
                suffixes = wordStarts(TextFolding.fold(page.name()));
                next = 0;
            }
            count++;
            return new BytesRef(suffixes.get(next++) + SEPARATOR + page.position());
        }

        @Override
        public long weight() {
            return page.fans();
        }

        @Override
        public BytesRef payload() {
            return null;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }

        private static List<String> wordStarts(String folded) {
            List<String> starts = new ArrayList<>();
            starts.add(folded);
            for (int i = 1; i < folded.length(); i++) {
                if (folded.charAt(i - 1) == ' ' && folded.charAt(i) != ' ') {
                    starts.add(folded.substring(i));
                }
            }
            return starts;
        }
    }
}
