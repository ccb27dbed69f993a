package dev.pulse.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import dev.pulse.ingest.domain.TimeWindow;
import dev.pulse.ingest.domain.kpl.AggregatedRecords;
import dev.pulse.ingest.domain.kpl.UserRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile Kinesis input for the ingest properties: JSON posts (valid, and with duplicate keys, NaN, a
 * BOM, deep nesting, lone surrogates, invalid UTF-8, huge numbers, times outside the window, wrong types, cuts) framed
 * as plain records or KPL aggregates, valid and corrupt. A payload is rendered for a page id the property hands it,
 * unique per user record, so what became of each record can be read off the index.
 */
final class HostileRecords {
    static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");
    private static final String RAW = "@@raw@@";
    private static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};

    private HostileRecords() {}

    /** One user payload, rendered for the page id it is given. */
    record Payload(String kind, Function<String, byte[]> render) {
        @Override
        public String toString() {
            return kind + ":" + new String(render.apply("P"), StandardCharsets.UTF_8);
        }
    }

    /** How a Kinesis record frames its payloads; all but PLAIN and AGGREGATE break the frame. */
    enum Framing {
        PLAIN,
        AGGREGATE,
        CORRUPT_DIGEST,
        CORRUPT_BODY,
        TRUNCATED,
        FORGED_BODY,
        BAD_MAGIC;

        boolean intact() {
            return this == PLAIN || this == AGGREGATE;
        }
    }

    /** One Kinesis record of a batch; {@code seed} drives where its frame breaks. */
    record Input(Framing framing, List<Payload> payloads, long seed) {
        static String pageId(int record, int sub) {
            return (100 + record) + "0" + sub;
        }

        byte[] bytes(int record) {
            if (framing == Framing.PLAIN) {
                return payloads.getFirst().render().apply(pageId(record, 0));
            }
            List<UserRecord> users = new ArrayList<>();
            for (int i = 0; i < payloads.size(); i++) {
                users.add(new UserRecord(
                        pageId(record, i), payloads.get(i).render().apply(pageId(record, i))));
            }
            byte[] aggregate = AggregatedRecords.encode(users);
            Random random = new Random(seed);
            int body = aggregate.length - AggregatedRecords.OVERHEAD;
            return switch (framing) {
                case AGGREGATE -> aggregate;
                case CORRUPT_DIGEST -> flip(aggregate, aggregate.length - 1 - random.nextInt(16), random);
                case CORRUPT_BODY -> flip(aggregate, MAGIC.length + random.nextInt(body), random);
                case TRUNCATED -> Arrays.copyOf(aggregate, 1 + random.nextInt(aggregate.length - 1));
                case BAD_MAGIC -> flip(aggregate, random.nextInt(MAGIC.length), random);
                case FORGED_BODY -> forged(random);
                case PLAIN -> throw new IllegalStateException();
            };
        }

        private static byte[] flip(byte[] bytes, int at, Random random) {
            byte[] copy = bytes.clone();
            copy[at] ^= (byte) (1 + random.nextInt(255));
            return copy;
        }

        /** Magic, random protobuf-ish bytes, and their correct MD5: it passes the digest and reaches the reader. */
        private static byte[] forged(Random random) {
            byte[] body = new byte[random.nextInt(64)];
            random.nextBytes(body);
            if (body.length > 0 && random.nextBoolean()) {
                body[0] = (byte) (random.nextBoolean() ? 0x1A : 0x0A); // a records or key-table tag, to go deeper
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(MAGIC);
            out.writeBytes(body);
            out.writeBytes(md5(body));
            return out.toByteArray();
        }
    }

    static Arbitrary<List<Input>> batches() {
        return input().list().ofMinSize(1).ofMaxSize(6);
    }

    static Arbitrary<Input> input() {
        Arbitrary<Framing> framing = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Framing.PLAIN)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Framing.AGGREGATE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Framing.CORRUPT_DIGEST)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Framing.CORRUPT_BODY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Framing.TRUNCATED)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Framing.FORGED_BODY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Framing.BAD_MAGIC)));
        return Combinators.combine(framing, payload().list().ofMinSize(1).ofMaxSize(5), Arbitraries.longs())
                .as((f, payloads, seed) -> new Input(f, f == Framing.PLAIN ? payloads.subList(0, 1) : payloads, seed));
    }

    static Arbitrary<Payload> payload() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, valid()),
                net.jqwik.api.Tuple.of(2, badTime()),
                net.jqwik.api.Tuple.of(1, rawNumber()),
                net.jqwik.api.Tuple.of(1, duplicateKey()),
                net.jqwik.api.Tuple.of(1, bom()),
                net.jqwik.api.Tuple.of(1, deep()),
                net.jqwik.api.Tuple.of(1, surrogate()),
                net.jqwik.api.Tuple.of(1, invalidUtf8()),
                net.jqwik.api.Tuple.of(1, wrongType()),
                net.jqwik.api.Tuple.of(1, truncated()),
                net.jqwik.api.Tuple.of(1, randomBytes()),
                net.jqwik.api.Tuple.of(1, randomText()));
    }

    /** A post that should be indexed: any message text, counts and times inside the window. */
    static Arbitrary<Payload> valid() {
        long earliest = TimeWindow.EARLIEST.getEpochSecond();
        long latest = NOW.plus(TimeWindow.AHEAD).getEpochSecond();
        Arbitrary<Long> seconds = Arbitraries.longs().between(earliest, latest);
        return Combinators.combine(
                        Arbitraries.strings().all().ofMaxLength(40),
                        Arbitraries.longs().between(0, Long.MAX_VALUE),
                        seconds,
                        seconds)
                .as((message, fans, created, updated) -> new Payload(
                        "valid",
                        id -> utf8(post(id, Instant.ofEpochSecond(created), Instant.ofEpochSecond(updated))
                                .put("message", message)
                                .put("fan_count", fans))));
    }

    static Arbitrary<Payload> badTime() {
        Arbitrary<String> field = Arbitraries.of("created_time", "updated_time", "from.updated_time");
        Arbitrary<String> time = Arbitraries.of(
                "+300000000-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "9999-12-31T23:59:59+0000",
                "1970-01-01T00:00:00Z",
                "2003-12-31T23:59:59.999Z",
                "2004-01-01T00:00:00Z",
                NOW.plus(TimeWindow.AHEAD).toString(),
                NOW.plus(TimeWindow.AHEAD).plusMillis(1).toString(),
                "2026-02-30T00:00:00Z",
                "2026-11-26T24:00:00Z",
                "2026-11-26T06:05:00+2500",
                "2026-11-26T06:05:00-1800",
                "2026-11-26",
                "",
                " ",
                "\u0000");
        return Combinators.combine(field, time)
                .as((f, t) -> new Payload("time " + f + "=" + t, id -> {
                    ObjectNode post = post(id, NOW, NOW);
                    if (f.startsWith("from.")) {
                        ((ObjectNode) post.get("from")).put("updated_time", t);
                    } else {
                        post.put(f, t);
                    }
                    return utf8(post);
                }));
    }

    static Arbitrary<Payload> rawNumber() {
        Arbitrary<String> field = Arbitraries.of("fan_count", "shares", "reactions", "comments", "created_time");
        Arbitrary<String> token = Arbitraries.of(
                "NaN",
                "-NaN",
                "Infinity",
                "-Infinity",
                "1e400",
                "-1e400",
                "123456789012345678901234567890123456789",
                "9223372036854775808",
                "2147483648",
                "-1",
                "-0",
                "1.5",
                "0x10",
                "1" + "0".repeat(5000),
                "1628000000000");
        return Combinators.combine(field, token)
                .as((f, t) -> new Payload("number " + f + "=" + t, id -> {
                    ObjectNode post = post(id, NOW, NOW);
                    switch (f) {
                        case "fan_count" -> ((ObjectNode) post.get("from")).put("fan_count", RAW);
                        case "shares" -> post.putObject("shares").put("count", RAW);
                        case "created_time" -> post.put("created_time", RAW);
                        default -> post.putObject(f).putObject("summary").put("total_count", RAW);
                    }
                    return utf8(post.toString().replace("\"" + RAW + "\"", t));
                }));
    }

    static Arbitrary<Payload> duplicateKey() {
        Arbitrary<String> duplicate = Arbitraries.of(
                "\"id\":\"%s_1\"",
                "\"id\":\"%s_2\"",
                "\"id\":\"9%s_1\"",
                "\"created_time\":\"not a time\"",
                "\"created_time\":\"+300000000-01-01T00:00:00Z\"",
                "\"from\":{\"id\":\"%s\"}",
                "\"from\":{\"id\":\"%s\",\"name\":\"second\"}",
                "\"message\":null",
                "\"message_tags\":[{\"id\":1}]");
        return Combinators.combine(duplicate, Arbitraries.of(true, false))
                .as((d, first) -> new Payload("duplicate " + d + (first ? " first" : " last"), id -> {
                    String json = post(id, NOW, NOW).toString();
                    String extra = d.formatted(id);
                    return utf8(
                            first
                                    ? "{" + extra + "," + json.substring(1)
                                    : json.substring(0, json.length() - 1) + "," + extra + "}");
                }));
    }

    static Arbitrary<Payload> bom() {
        return Arbitraries.of(true, false)
                .map(twice -> new Payload("bom", id -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    for (int i = 0; i < (twice ? 2 : 1); i++) {
                        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                    }
                    out.writeBytes(utf8(post(id, NOW, NOW)));
                    return out.toByteArray();
                }));
    }

    static Arbitrary<Payload> deep() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 3_000),
                        Arbitraries.of("[", "{\"a\":"),
                        Arbitraries.of("extra", "message_tags", "from"))
                .as((depth, open, field) -> new Payload("deep " + field + " " + depth + " " + open, id -> {
                    String close = open.equals("[") ? "]" : "}";
                    String nested = open.repeat(depth) + "1" + close.repeat(depth);
                    ObjectNode post = post(id, NOW, NOW);
                    post.put(field.equals("from") ? "from_extra" : field, RAW);
                    String json = post.toString().replace("\"" + RAW + "\"", nested);
                    if (field.equals("from")) {
                        json = json.replace("\"name\":", "\"deep\":" + nested + ",\"name\":");
                    }
                    return utf8(json);
                }));
    }

    static Arbitrary<Payload> surrogate() {
        Arbitrary<String> escape = Arbitraries.of("\\ud800", "\\udfff", "\\udbff\\udbff", "\\udc00\\ud800", "\\ud83d");
        Arbitrary<String> field = Arbitraries.of("message", "name", "permalink_url", "username");
        return Combinators.combine(escape, field)
                .as((e, f) -> new Payload("surrogate " + f + " " + e, id -> {
                    ObjectNode post = post(id, NOW, NOW);
                    if (f.equals("name") || f.equals("username")) {
                        ((ObjectNode) post.get("from")).put(f, RAW);
                    } else {
                        post.put(f, RAW);
                    }
                    return utf8(post.toString().replace(RAW, "x" + e + "y"));
                }));
    }

    static Arbitrary<Payload> invalidUtf8() {
        Arbitrary<byte[]> bad = Arbitraries.of(
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82});
        return bad.map(b -> new Payload("utf8 " + Arrays.toString(b), id -> {
            byte[] json = utf8(post(id, NOW, NOW).put("message", RAW));
            String text = new String(json, StandardCharsets.UTF_8);
            int at = text.indexOf(RAW);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(b);
            out.writeBytes(text.substring(at + RAW.length()).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }));
    }

    static Arbitrary<Payload> wrongType() {
        Arbitrary<String> field =
                Arbitraries.of("id", "from", "created_time", "updated_time", "message", "message_tags", "shares");
        Arbitrary<String> value = Arbitraries.of("[]", "{}", "true", "1", "null", "\"\"", "[{\"id\":[]}]", "-5");
        return Combinators.combine(field, value)
                .as((f, v) -> new Payload("type " + f + "=" + v, id -> {
                    ObjectNode post = post(id, NOW, NOW).put(f, RAW);
                    return utf8(post.toString().replace("\"" + RAW + "\"", v));
                }));
    }

    static Arbitrary<Payload> truncated() {
        return Arbitraries.integers()
                .between(0, 400)
                .map(cut -> new Payload("cut " + cut, id -> {
                    byte[] json = utf8(post(id, NOW, NOW).put("message", "Café ☕ 🥐"));
                    return Arrays.copyOf(json, Math.min(cut, json.length - 1));
                }));
    }

    static Arbitrary<Payload> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> new Payload("bytes", id -> b));
    }

    static Arbitrary<Payload> randomText() {
        return Arbitraries.strings().all().ofMaxLength(80).map(t -> new Payload("text", id -> utf8(t)));
    }

    private static ObjectNode post(String pageId, Instant created, Instant updated) {
        ObjectNode post = Json.mapper().createObjectNode();
        post.put("id", pageId + "_1");
        post.putObject("from").put("id", pageId).put("name", "Page " + pageId);
        post.put("created_time", created.toString());
        post.put("updated_time", updated.toString());
        post.put("message", "hi");
        return post;
    }

    private static byte[] utf8(Object text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
