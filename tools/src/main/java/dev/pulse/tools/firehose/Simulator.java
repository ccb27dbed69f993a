package dev.pulse.tools.firehose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.domain.PageDocument;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.domain.PoisonReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The firehose simulator: Graph-API-shaped posts from pages with Zipf popularity, whose metadata (fans, verified)
 * evolves with strictly increasing {@code updated_time} per page, @mentions of other pages, and a share of poison.
 * Deterministic for a seed (given a deterministic clock).
 */
public final class Simulator {
    /** Graph API time format, with milliseconds so that a page's versions stay distinct. */
    static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private static final long FIRST_PAGE_ID = 100_000_000_000L;
    private static final long FIRST_POST_ID = 1_000_000_000L;

    private final RandomGenerator random;
    private final PageNameGenerator names;
    private final ZipfSampler popularity;
    private final SimPage[] pages;
    private final double poisonRate;
    private final int oversizeBytes;
    private final Supplier<Instant> clock;
    private long posts;

    public Simulator(long seed, int pageCount, double poisonRate, int oversizeBytes, Supplier<Instant> clock) {
        if (poisonRate < 0 || poisonRate > 1) {
            throw new IllegalArgumentException("poison rate must be within 0..1");
        }
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        this.names = new PageNameGenerator(seed ^ 0x5EEDL);
        this.popularity = new ZipfSampler(pageCount, 1.05);
        this.pages = new SimPage[pageCount];
        this.poisonRate = poisonRate;
        this.oversizeBytes = oversizeBytes;
        this.clock = clock;
    }

    /** The page id of a popularity rank (0 = most popular); the seeding command tracks pages by rank. */
    public static String pageId(int rank) {
        return Long.toString(FIRST_PAGE_ID + rank);
    }

    /** A clock that starts at {@code start} and moves one millisecond per reading, for repeatable runs. */
    public static Supplier<Instant> logicalClock(Instant start) {
        AtomicLong ticks = new AtomicLong();
        return () -> start.plusMillis(ticks.getAndIncrement());
    }

    public SimRecord next() {
        int rank = popularity.sample(random);
        SimPage page = page(rank);
        Instant now = clock.get();
        page.touch(now, random);
        String postId = page.id + "_" + (FIRST_POST_ID + posts++);
        Instant created = page.updated.minusSeconds(random.nextInt(600));
        ObjectNode post = post(page, postId, created);
        PageDocument snapshot = page.snapshot();
        if (random.nextDouble() < poisonRate) {
            PoisonReason reason = poisonReason();
            return new SimRecord(
                    page.id, Poison.corrupt(post, reason, oversizeBytes, random), null, null, null, reason);
        }
        return new SimRecord(page.id, bytes(post), postId, created, snapshot, null);
    }

    private ObjectNode post(SimPage page, String postId, Instant created) {
        ObjectNode post = Json.mapper().createObjectNode();
        post.put("id", postId);
        ObjectNode from = post.putObject("from");
        from.put("id", page.id);
        from.put("name", page.name);
        from.put("username", page.username);
        from.put("category", page.category);
        from.put("fan_count", page.fans);
        from.put("verified", page.verified);
        from.put("updated_time", GRAPH_TIME.format(page.updated));
        StringBuilder message = new StringBuilder();
        ArrayNode tags = post.putArray("message_tags");
        int words = 3 + random.nextInt(12);
        for (int i = 0; i < words; i++) {
            if (random.nextInt(8) == 0) {
                SimPage mentioned = page(popularity.sample(random));
                ObjectNode tag = tags.addObject();
                tag.put("id", mentioned.id);
                tag.put("name", mentioned.name);
                tag.put("type", "page");
                tag.put("offset", message.length());
                tag.put("length", mentioned.name.length() + 1);
                message.append('@').append(mentioned.name).append(' ');
            } else {
                message.append(names.word()).append(' ');
            }
        }
        post.put("message", message.toString().strip());
        post.put("created_time", GRAPH_TIME.format(created));
        post.put("updated_time", GRAPH_TIME.format(page.updated));
        post.putObject("shares").put("count", random.nextInt(500));
        post.putObject("reactions").putObject("summary").put("total_count", random.nextInt(5000));
        post.putObject("comments").putObject("summary").put("total_count", random.nextInt(300));
        post.put("permalink_url", "https://www.facebook.com/" + postId.replace("_", "/posts/"));
        return post;
    }

    private PoisonReason poisonReason() {
        int roll = random.nextInt(13);
        if (roll < 3) {
            return PoisonReason.MALFORMED_JSON;
        } else if (roll < 6) {
            return PoisonReason.MISSING_ID;
        } else if (roll < 9) {
            return PoisonReason.WRONG_TYPE;
        } else if (roll < 12) {
            return PoisonReason.INVALID_UTF8;
        }
        return PoisonReason.OVERSIZED;
    }

    private SimPage page(int rank) {
        SimPage page = pages[rank];
        if (page == null) {
            String name = names.next();
            page = new SimPage(
                    pageId(rank),
                    name,
                    names.username(name),
                    names.category(),
                    Math.max(10, 50_000_000L / (rank + 1) + random.nextInt(1000)));
            pages[rank] = page;
        }
        return page;
    }

    static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
