package dev.pulse.ingest.adapter.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.core.json.Json;
import dev.pulse.ingest.application.IndexOp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkBodyTest {
    @Test
    void givenOp_whenActionWritten_thenItIsAnExternalGteIndexWithEscapedId() {
        IndexOp op = new IndexOp("pages", "a\"b", 1234, "{}".getBytes(StandardCharsets.UTF_8));

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> action =
                Json.read(new String(BulkBody.action(op), StandardCharsets.UTF_8), Map.class);

        assertThat(action.get("index"))
                .containsEntry("_index", "pages")
                .containsEntry("_id", "a\"b")
                .containsEntry("version", 1234)
                .containsEntry("version_type", "external_gte");
    }

    @Test
    void givenOps_whenChunked_thenEveryRequestFitsTheBudgetAndKeepsOrder() {
        List<IndexOp> ops = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ops.add(new IndexOp(
                    "posts",
                    "id-" + i,
                    i,
                    ("{\"m\":\"" + "x".repeat(i % 300) + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        byte[][] actions = ops.stream().map(BulkBody::action).toArray(byte[][]::new);
        int[] sizes = IntStream.range(0, ops.size())
                .map(i -> BulkBody.size(actions[i], ops.get(i)))
                .toArray();

        List<List<Integer>> chunks =
                BulkBody.chunks(IntStream.range(0, 500).boxed().toList(), sizes, 10_000);

        assertThat(chunks).hasSizeGreaterThan(5);
        assertThat(chunks.stream().flatMap(List::stream).toList())
                .isEqualTo(IntStream.range(0, 500).boxed().toList());
        for (List<Integer> chunk : chunks) {
            byte[] body = BulkBody.encode(chunk, ops, actions, sizes);
            assertThat(body.length).isLessThanOrEqualTo(10_000);
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(text.split("\n")).hasSize(chunk.size() * 2);
            assertThat(text).endsWith("\n");
        }
    }

    @Test
    void givenOpLargerThanTheBudget_whenChunked_thenItGoesAlone() {
        List<List<Integer>> chunks = BulkBody.chunks(List.of(0, 1, 2), new int[] {10, 500, 10}, 100);

        assertThat(chunks).containsExactly(List.of(0), List.of(1), List.of(2));
    }
}
