package dev.pulse.core.topology.search;

import dev.pulse.core.topology.AliasSpec;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.IndexTemplateSpec;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The OpenSearch bootstrap as pure data, derived from the topology: each versioned index with its definition and its
 * alias, each index template, and on AWS each searching function's security role and role mapping. The local
 * bootstrap runs it with the Java client; the CDK custom resource runs the same calls on the domain.
 */
public record SearchPlan(List<SearchCall> calls) {
    public SearchPlan {
        calls = List.copyOf(calls);
    }

    /**
     * Where the plan runs: a name prefix (isolates tests on a shared server), the replicas of every index (0 on a
     * single node), and, on AWS only, each function's IAM role ARN for the security plugin's role mappings.
     */
    public record Target(String prefix, int replicas, Optional<UnaryOperator<String>> iamRoleOfFunction) {
        public Target {
            if (!prefix.matches("[a-z0-9-]*")) {
                throw new IllegalArgumentException("a name prefix is lower-case letters, digits and -: " + prefix);
            }
            if (replicas < 0) {
                throw new IllegalArgumentException("replicas must be 0 or more: " + replicas);
            }
        }

        /** The local node: one node, so no replicas, and no security plugin. */
        public static Target local(String prefix) {
            return new Target(prefix, 0, Optional.empty());
        }

        /** An OpenSearch Service domain with fine-grained access control. */
        public static Target aws(int replicas, UnaryOperator<String> iamRoleOfFunction) {
            return new Target("", replicas, Optional.of(iamRoleOfFunction));
        }
    }

    public static SearchPlan of(Topology topology, Target target) {
        String prefix = target.prefix();
        List<SearchCall> calls = new ArrayList<>();
        for (AliasSpec alias : topology.aliases()) {
            // Only while the alias does not exist: once it does, a migration may have moved it to a newer version,
            // and a later run must neither re-create the old index nor point the alias back at it.
            String guard = aliasPath(prefix + alias.alias());
            String index = "/" + prefix + alias.index();
            calls.add(SearchCall.put(index, IndexDefinitions.load(alias.definition(), target.replicas()))
                    .unless(guard));
            calls.add(SearchCall.put(index + "/_alias/" + prefix + alias.alias(), "{\"is_write_index\":true}")
                    .unless(guard));
        }
        for (IndexTemplateSpec template : topology.indexTemplates()) {
            calls.add(SearchCall.put("/_index_template/" + prefix + template.name(), templateBody(template, target)));
        }
        target.iamRoleOfFunction().ifPresent(iamRole -> {
            for (FunctionSpec function : topology.functions()) {
                if (SecurityRoles.searches(function)) {
                    String role = SecurityRoles.name(prefix, function);
                    calls.add(SearchCall.put(
                            "/_plugins/_security/api/roles/" + role, SecurityRoles.role(topology, function, prefix)));
                    calls.add(SearchCall.put(
                            "/_plugins/_security/api/rolesmapping/" + role,
                            SecurityRoles.mapping(iamRole.apply(function.name()))));
                }
            }
        });
        return new SearchPlan(calls);
    }

    /** The path that exists once the alias does ({@code HEAD} answers 200). */
    public static String aliasPath(String alias) {
        return "/_alias/" + alias;
    }

    /** The calls as a JSON array, each with its body embedded: what the CDK custom resource receives. */
    public String toJson() {
        return JsonText.array(calls.stream().map(SearchCall::toJson).toList());
    }

    private static String templateBody(IndexTemplateSpec template, Target target) {
        String body = IndexDefinitions.load(template.definition(), target.replicas());
        String declared = "\"index_patterns\":" + JsonText.strings(List.of(template.pattern()));
        if (!body.contains(declared)) {
            throw new IllegalStateException(template.definition() + " must match only the topology's pattern "
                    + template.pattern() + " (" + declared + ")");
        }
        return body.replace(
                declared, "\"index_patterns\":" + JsonText.strings(List.of(target.prefix() + template.pattern())));
    }
}
