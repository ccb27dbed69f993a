package dev.pulse.core.topology.search;

import java.util.List;

/**
 * The little JSON the search plan writes, by hand: this module has no dependencies (the CDK app reads only it), so no
 * JSON library. Values passed to {@link #object} and {@link #array} are JSON text already.
 */
public final class JsonText {
    private JsonText() {}

    /** A JSON string literal, escaping quotes, backslashes and control characters. */
    public static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A JSON array of string literals. */
    public static String strings(List<String> values) {
        return array(values.stream().map(JsonText::string).toList());
    }

    /** A JSON array of values that are JSON text already. */
    public static String array(List<String> values) {
        return "[" + String.join(",", values) + "]";
    }

    /** A JSON object from alternating keys and values, the values being JSON text already. */
    public static String object(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("object needs key/value pairs");
        }
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.append(i == 0 ? "" : ",")
                    .append(string(keysAndValues[i]))
                    .append(':')
                    .append(keysAndValues[i + 1]);
        }
        return out.append('}').toString();
    }

    /** The same JSON without the whitespace between tokens; whitespace inside strings is kept. */
    public static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
