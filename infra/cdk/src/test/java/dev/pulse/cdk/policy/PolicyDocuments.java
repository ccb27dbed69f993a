package dev.pulse.cdk.policy;

import dev.pulse.cdk.Synth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Reads policy statements and log settings out of synthesized templates for the cross-stack policy rules. */
final class PolicyDocuments {
    private static final List<String> DOCUMENT_KEYS =
            List.of("PolicyDocument", "KeyPolicy", "AssumeRolePolicyDocument", "AccessPolicies");

    private PolicyDocuments() {}

    /** Every statement of every policy document in the template, inline role policies included. */
    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> statements(Template template) {
        List<Map<String, Object>> statements = new ArrayList<>();
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        for (Object resource : resources.values()) {
            Map<String, Object> properties =
                    (Map<String, Object>) ((Map<String, Object>) resource).getOrDefault("Properties", Map.of());
            List<Object> documents = new ArrayList<>();
            DOCUMENT_KEYS.stream().map(properties::get).filter(d -> d != null).forEach(documents::add);
            Object inline = properties.get("Policies");
            if (inline instanceof List<?> policies) {
                policies.forEach(p -> documents.add(((Map<String, Object>) p).get("PolicyDocument")));
            }
            for (Object document : documents) {
                if (document instanceof Map<?, ?> doc && doc.get("Statement") instanceof List<?> list) {
                    list.forEach(s -> statements.add((Map<String, Object>) s));
                }
            }
        }
        return statements.stream();
    }

    /** True when a policy field is the string {@code value} or a list containing it. */
    static boolean contains(Object field, String value) {
        return value.equals(field) || (field instanceof Collection<?> c && c.contains(value));
    }

    /** A principal of {@code "*"} or {@code {"AWS": "*"}}. */
    static boolean isAnyone(Object principal) {
        return "*".equals(principal) || (principal instanceof Map<?, ?> m && contains(m.get("AWS"), "*"));
    }

    @SuppressWarnings("unchecked")
    static String logGroupOf(Map<String, Object> function) {
        Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
        Map<String, Object> logging = (Map<String, Object>) properties.get("LoggingConfig");
        Map<String, Object> ref = (Map<String, Object>) logging.get("LogGroup");
        return (String) ref.get("Ref");
    }

    @SuppressWarnings("unchecked")
    static int retentionOf(Template template, String logGroup) {
        Map<String, Object> group =
                template.findResources("AWS::Logs::LogGroup").get(logGroup);
        Object days = ((Map<String, Object>) group.get("Properties")).get("RetentionInDays");
        return days instanceof Number n ? n.intValue() : 0;
    }

    /**
     * The functions the topology maps to a stream, read from the topology rather than from logical ids, and each
     * checked to have a mapping in the Functions template that invokes its {@code live} alias. Never empty: a topology
     * without stream-fed functions would let the alarm rules pass on nothing.
     */
    static List<String> streamMappedFunctions(Synth app) {
        List<String> mapped = app.topology().streamMappings().stream()
                .map(m -> m.function())
                .distinct()
                .toList();
        if (mapped.isEmpty()) {
            throw new AssertionError("the topology maps no function to a stream: nothing to check");
        }
        // A stream mapping names an on-failure destination; a queue mapping (reporting's shards) relies on its
        // queue's redrive policy instead, so only the former are counted here.
        int mappings = app.template("Functions")
                .findResources(
                        "AWS::Lambda::EventSourceMapping",
                        Match.objectLike(Map.of(
                                "Properties",
                                Match.objectLike(Map.of(
                                        "DestinationConfig",
                                        Map.of("OnFailure", Map.of("Destination", Match.anyValue())))))))
                .size();
        if (mappings != app.topology().streamMappings().size()) {
            throw new AssertionError("the topology has "
                    + app.topology().streamMappings().size() + " stream mappings, the template " + mappings);
        }
        return mapped;
    }
}
