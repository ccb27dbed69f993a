package dev.pulse.core.topology.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void string_escapesQuotesBackslashesAndControlCharacters_andKeepsOtherText() {
        assertThat(JsonText.string("a\"b\\c\nd\re\tf\bg\fh\u0001i"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\"");
        assertThat(JsonText.string("Café 東京 🎉 arn:aws:iam::1:role/x"))
                .isEqualTo("\"Café 東京 🎉 arn:aws:iam::1:role/x\"");
    }

    @Test
    void objectsAndArrays_embedValuesThatAreJsonAlready() {
        assertThat(JsonText.object("a", JsonText.strings(List.of("x", "y\"")), "b", "{}", "c", "1"))
                .isEqualTo("{\"a\":[\"x\",\"y\\\"\"],\"b\":{},\"c\":1}");
        assertThat(JsonText.array(List.of())).isEqualTo("[]");
        assertThat(JsonText.object()).isEqualTo("{}");
    }

    @Test
    void givenAnOddNumberOfArguments_objectIsRejected() {
        assertThatThrownBy(() -> JsonText.object("lonely")).hasMessageContaining("pairs");
    }

    @Test
    void compact_dropsWhitespaceBetweenTokens_butNotInsideStrings() {
        String pretty = "{\n  \"a b\" : [ 1, \"x  y\" ],\r\n\t\"q\": \"say \\\"hi there\\\" \\\\\" , \"e\" : \"\" }";

        assertThat(JsonText.compact(pretty))
                .isEqualTo("{\"a b\":[1,\"x  y\"],\"q\":\"say \\\"hi there\\\" \\\\\",\"e\":\"\"}");
    }
}
