package dev.pulse.legacy.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where two JSON answers differ, as paths with array indices generalised ({@code pages[].fan_count}), so that a field
 * that differs in every element is one path. Numbers compare by value (5 equals 5.0), the route's ignored paths never
 * differ, and its unordered arrays are compared as sorted.
 */
public final class JsonDiff {
    private JsonDiff() {}

    /** The paths at which {@code a} and {@code b} differ under {@code route}'s rules; {@code $} is the whole body. */
    public static Set<String> paths(JsonNode a, JsonNode b, LegacyRoute route) {
        Set<String> out = new TreeSet<>();
        walk(a, b, "", route, out);
        return out;
    }

    private static void walk(JsonNode a, JsonNode b, String path, LegacyRoute route, Set<String> out) {
        if (route.ignoredFields().contains(path)) {
            return;
        }
        String here = path.isEmpty() ? "$" : path;
        if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
            if (!(isAbsent(a) && isAbsent(b))) {
                out.add(here);
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(a.get(name), b.get(name), path.isEmpty() ? name : path + "." + name, route, out);
            }
        } else if (a.isArray() && b.isArray()) {
            List<JsonNode> left = elements(a, route.unordered().contains(path));
            List<JsonNode> right = elements(b, route.unordered().contains(path));
            if (left.size() != right.size()) {
                out.add(path + "[]#size");
            }
            for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                walk(left.get(i), right.get(i), path + "[]", route, out);
            }
        } else if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add(here);
            }
        } else if (!a.equals(b)) {
            out.add(here);
        }
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static List<JsonNode> elements(JsonNode array, boolean sort) {
        List<JsonNode> list = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            list.add(it.next());
        }
        if (sort) {
            list.sort(Comparator.comparing(JsonNode::toString));
        }
        return list;
    }
}
