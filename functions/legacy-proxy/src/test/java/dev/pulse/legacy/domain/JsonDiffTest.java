package dev.pulse.legacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonDiffTest {
    private static final LegacyRoute ROUTE = new LegacyRoute("r", "GET", "/r", Set.of("server_time"), Set.of("tags"));

    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }

    @Test
    void givenEqualBodies_exceptIgnoredStampAndNumberForm_thenNoDifference() {
        assertThat(JsonDiff.paths(
                        json("{\"a\":5,\"server_time\":\"1\",\"tags\":[\"x\",\"y\"]}"),
                        json("{\"a\":5.0,\"server_time\":\"2\",\"tags\":[\"y\",\"x\"]}"),
                        ROUTE))
                .isEmpty();
    }

    @Test
    void givenAFieldDifferingInEveryElement_thenOneGeneralisedPath() {
        assertThat(JsonDiff.paths(
                        json("{\"pages\":[{\"fans\":1,\"id\":\"a\"},{\"fans\":2,\"id\":\"b\"}]}"),
                        json("{\"pages\":[{\"fans\":3,\"id\":\"a\"},{\"fans\":4,\"id\":\"b\"}]}"),
                        ROUTE))
                .containsExactly("pages[].fans");
    }

    @Test
    void givenOrderedListsInAnotherOrder_orMissingFields_thenReported() {
        assertThat(JsonDiff.paths(json("{\"pages\":[1,2],\"x\":1}"), json("{\"pages\":[2,1,3],\"y\":null}"), ROUTE))
                .containsExactly("pages[]", "pages[]#size", "x");
    }
}
