package dev.pulse.cdk.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.assertions.Template;

/** Reads synthesized CloudFormation as plain maps: resources by type, fields by path, intrinsics as readable text. */
public final class Cfn {
    private Cfn() {}

    /** Every resource of a type, by logical id, as its whole definition (Type, Properties, ...). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Template template, String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        Map<String, Object> all = (Map<String, Object>) template.toJSON().getOrDefault("Resources", Map.of());
        all.forEach((id, resource) -> {
            Map<String, Object> r = (Map<String, Object>) resource;
            if (type.equals(r.get("Type"))) {
                found.put(id, r);
            }
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    /** The value at a path of map keys, or null when any step is missing. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    /** A field that may be one value or a list of them, as a list. */
    static List<Object> list(Object field) {
        if (field == null) {
            return List.of();
        }
        return field instanceof Collection<?> c ? List.copyOf(c) : List.of(field);
    }

    /**
     * A value as text, intrinsics kept visible: {@code ${Ref:X}}, {@code ${GetAtt:X.Y}}, {@code ${Import:X}}, and
     * {@code Fn::Join} joined. A rule can then look at the literal parts, e.g. the path after a domain ARN.
     */
    public static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> e = m.entrySet().iterator().next();
            String fn = String.valueOf(e.getKey());
            Object arg = e.getValue();
            return switch (fn) {
                case "Ref" -> "${Ref:" + arg + "}";
                case "Fn::GetAtt" ->
                    "${GetAtt:" + list(arg).stream().map(String::valueOf).collect(Collectors.joining(".")) + "}";
                case "Fn::ImportValue" -> "${Import:" + render(arg) + "}";
                case "Fn::Join" -> {
                    List<Object> join = list(arg);
                    String separator = String.valueOf(join.get(0));
                    yield list(join.get(1)).stream().map(Cfn::render).collect(Collectors.joining(separator));
                }
                case "Fn::Sub" -> render(list(arg).getFirst());
                default -> "${" + fn + "}";
            };
        }
        return String.valueOf(value);
    }

    /** True when the rendered value has a wildcard outside its intrinsics ({@code ${...}}). */
    static boolean hasLiteralWildcard(String rendered) {
        return rendered.replaceAll("\\$\\{[^}]*}", "").contains("*");
    }
}
