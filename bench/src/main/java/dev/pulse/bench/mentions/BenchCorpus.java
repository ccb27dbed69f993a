package dev.pulse.bench.mentions;

import dev.pulse.core.domain.PageDocument;
import dev.pulse.tools.firehose.PageNameGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The benchmark's pages, deterministic for a size: names from the simulator's {@link PageNameGenerator}, about half of
 * them given a made-up brand word so the corpus has the long tail of distinct names real pages have (the simulator's
 * vocabulary alone yields only ~100k distinct names, which would flatter any design that scans distinct terms), and
 * fans from a heavy-tailed (Pareto) distribution, as page popularity is.
 *
 * <p>The corpus is streamed, never held: names are regenerated in order by a {@link #pages() cursor} whenever a pass
 * needs them (loading, the FST, the typing targets). Only each page's fans and the popularity order stay in memory
 * (12 bytes a page: 120 MB at 10,000,000 pages), so the bench's heap does not grow with the names.
 */
public final class BenchCorpus {
    private static final String[] SYLLABLES = {
        "ka", "vo", "ro", "men", "da", "li", "zu", "tra", "ne", "bel", "sio", "qua", "fi", "mo", "ra", "tek", "lu",
                "sa",
        "po", "rin", "ga", "del", "vi", "no", "xa", "pe", "tor", "mi", "lan", "cho", "ber", "gu", "sta", "fen", "ko",
                "ma"
    };
    /** Fans are capped below 2^29, so a sort key holds fans above 34 bits of position. */
    private static final long MAX_FANS = 300_000_000L;

    private static final int POSITION_BITS = 34;

    private final int size;
    private final long seed;
    final long[] fans;
    /** Page positions ordered by fans, most popular first (ties by position), for picking typing targets. */
    final int[] byPopularity;
    /** The first and last page's names: what a reused index is checked against. */
    final String firstName;

    final String lastName;

    public BenchCorpus(int size, long seed) {
        this.size = size;
        this.seed = seed;
        fans = new long[size];
        long[] keys = new long[size];
        Cursor cursor = pages();
        String first = null;
        String last = null;
        for (int i = 0; i < size; i++) {
            Page page = cursor.next();
            fans[i] = page.fans();
            keys[i] = (page.fans() << POSITION_BITS) | ((1L << POSITION_BITS) - 1 - i);
            first = i == 0 ? page.name() : first;
            last = page.name();
        }
        firstName = first;
        lastName = last;
        Arrays.sort(keys); // ascending by fans, then by descending position: read backwards
        byPopularity = new int[size];
        for (int i = 0; i < size; i++) {
            long low = keys[size - 1 - i] & ((1L << POSITION_BITS) - 1);
            byPopularity[i] = (int) ((1L << POSITION_BITS) - 1 - low);
        }
    }

    int size() {
        return size;
    }

    /** A new pass over the pages, in order, regenerated from the seed. */
    Cursor pages() {
        return new Cursor(size, seed);
    }

    /** The names of the given positions, from one pass. */
    Map<Integer, String> names(Set<Integer> positions) {
        Map<Integer, String> names = new HashMap<>(positions.size() * 2);
        int last = positions.stream().mapToInt(Integer::intValue).max().orElse(-1);
        Cursor cursor = pages();
        for (int i = 0; i <= last; i++) {
            Page page = cursor.next();
            if (positions.contains(i)) {
                names.put(i, page.name());
            }
        }
        return names;
    }

    static String id(int position) {
        return "bench-" + position;
    }

    /** One generated page: its position in the corpus, name and fans. */
    record Page(int position, String name, long fans) {
        PageDocument document() {
            String username =
                    name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "") + "_"
                            + position;
            return new PageDocument(
                    id(position),
                    name,
                    username,
                    "Bench",
                    fans,
                    fans > 1_000_000,
                    Instant.parse("2026-11-01T00:00:00Z"));
        }
    }

    /** The generator's sequence: the same pages in the same order on every pass. */
    static final class Cursor implements Iterator<Page> {
        private final int size;
        private final PageNameGenerator generator;
        private final SplittableRandom random;
        private int next;

        private Cursor(int size, long seed) {
            this.size = size;
            this.generator = new PageNameGenerator(seed);
            this.random = new SplittableRandom(seed);
        }

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Page next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            String name = generator.next();
            int tail = random.nextInt(100);
            if (tail < 30) {
                name = brand(random) + " " + name;
            } else if (tail < 50) {
                name = name + " " + brand(random);
            } else if (tail < 55) {
                name = brand(random) + " " + brand(random);
            }
            double u = 1.0 - random.nextDouble();
            long fans = Math.min(MAX_FANS, (long) (20 * Math.pow(u, -1 / 1.1)));
            return new Page(next++, name, fans);
        }
    }

    private static String brand(SplittableRandom random) {
        StringBuilder word = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }
}
