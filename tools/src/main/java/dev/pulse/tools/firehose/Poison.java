package dev.pulse.tools.firehose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.ingest.domain.PoisonReason;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/** Turns a valid post into poison of a given kind, as a broken upstream would send it. */
final class Poison {
    private Poison() {}

    static byte[] corrupt(ObjectNode post, PoisonReason reason, int oversizeBytes, RandomGenerator random) {
        return switch (reason) {
            case MALFORMED_JSON -> {
                String json = post.toString();
                int cut = json.lastIndexOf(',', json.length() / 2);
                yield json.substring(0, Math.max(cut, 1)).getBytes(StandardCharsets.UTF_8);
            }
            case MISSING_ID -> {
                post.remove("id");
                yield Simulator.bytes(post);
            }
            case WRONG_TYPE -> {
                if (random.nextBoolean()) {
                    ((ObjectNode) post.get("from")).put("fan_count", "lots");
                } else {
                    post.put("id", random.nextLong(1, Long.MAX_VALUE));
                }
                yield Simulator.bytes(post);
            }
            case INVALID_UTF8 -> {
                post.put("message", "~" + post.path("message").asText());
                byte[] bytes = Simulator.bytes(post);
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '~') {
                        bytes[i] = (byte) 0xFF;
                        break;
                    }
                }
                yield bytes;
            }
            case OVERSIZED -> {
                post.put("message", "x".repeat(oversizeBytes));
                yield Simulator.bytes(post);
            }
            default -> throw new IllegalArgumentException("the simulator does not produce " + reason);
        };
    }
}
