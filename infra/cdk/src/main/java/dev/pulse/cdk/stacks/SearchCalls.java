package dev.pulse.cdk.stacks;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pulse.cdk.constructs.AccessGrants;
import dev.pulse.core.json.Json;
import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.AliasSpec;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.IndexTemplateSpec;
import dev.pulse.core.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The OpenSearch REST calls that make a new domain usable, derived from the topology: each versioned index with its
 * definition and alias, each index template, and for each searching function a security role (index patterns and
 * actions from its grants) mapped to the function's IAM role. Replicas follow the environment's node count.
 */
public final class SearchCalls {
    private SearchCalls() {}

    /** One REST call: method, path, optional JSON body, and a path whose existence (HEAD 200) skips the call. */
    public record Call(String method, String path, Object body, String unless) {
        public Call(String method, String path, Object body) {
            this(method, path, body, null);
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("method", method);
            json.put("path", path);
            if (body != null) {
                json.put("body", body);
            }
            if (unless != null) {
                json.put("unless", unless);
            }
            return json;
        }
    }

    public static List<Call> of(Topology topology, int replicas, Function<String, String> roleArnOfFunction) {
        List<Call> calls = new ArrayList<>();
        for (AliasSpec alias : topology.aliases()) {
            Map<String, Object> definition = definition(alias.definition());
            setReplicas(definition, replicas);
            // Only while the alias does not exist: once it does, a migration may have moved it to a newer version,
            // and a later deploy must neither re-create the old index nor point the alias back at it.
            String aliasPath = "/_alias/" + alias.alias();
            calls.add(new Call("PUT", "/" + alias.index(), definition, aliasPath));
            calls.add(new Call("PUT", "/" + alias.index() + "/_alias/" + alias.alias(), null, aliasPath));
        }
        for (IndexTemplateSpec template : topology.indexTemplates()) {
            Map<String, Object> definition = definition(template.definition());
            setReplicas(child(definition, "template"), replicas);
            calls.add(new Call("PUT", "/_index_template/" + template.name(), definition));
        }
        for (FunctionSpec function : topology.functions()) {
            if (!Placement.uses(function, Access.Kind.SEARCH)) {
                continue;
            }
            String role = roleName(function);
            calls.add(new Call("PUT", "/_plugins/_security/api/roles/" + role, securityRole(topology, function)));
            calls.add(new Call(
                    "PUT",
                    "/_plugins/_security/api/rolesmapping/" + role,
                    Map.of("backend_roles", List.of(roleArnOfFunction.apply(function.name())))));
        }
        return calls;
    }

    public static List<Map<String, Object>> json(List<Call> calls) {
        return calls.stream().map(Call::json).toList();
    }

    static String roleName(FunctionSpec function) {
        return "pulse_" + function.name().replace('-', '_');
    }

    private static Map<String, Object> securityRole(Topology topology, FunctionSpec function) {
        Set<String> cluster = new LinkedHashSet<>();
        List<Map<String, Object>> indexPermissions = new ArrayList<>();
        for (Access access : function.access()) {
            if (access.kind() != Access.Kind.SEARCH) {
                continue;
            }
            List<String> actions = new ArrayList<>();
            if (access.mode() != Access.Mode.WRITE) {
                actions.addAll(List.of("read", "indices:admin/aliases/get"));
                // _msearch and alias look-ups without an index in the path are cluster-level composite actions.
                cluster.addAll(List.of("indices:data/read/msearch", "indices:admin/aliases/get"));
            }
            if (access.mode() != Access.Mode.READ) {
                actions.addAll(List.of("write", "create_index"));
                cluster.add("indices:data/write/bulk");
            }
            indexPermissions.add(
                    Map.of("index_patterns", patterns(topology, access.resource()), "allowed_actions", actions));
        }
        return Map.of("cluster_permissions", List.copyOf(cluster), "index_permissions", indexPermissions);
    }

    private static List<String> patterns(Topology topology, String resource) {
        for (AliasSpec alias : topology.aliases()) {
            if (alias.alias().equals(resource)) {
                return List.of(alias.alias(), AccessGrants.versionsOf(alias));
            }
        }
        return topology.indexTemplates().stream()
                .filter(t -> t.name().equals(resource))
                .map(IndexTemplateSpec::pattern)
                .toList();
    }

    private static Map<String, Object> definition(String resource) {
        try (InputStream in = SearchCalls.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("index definition " + resource + " is not on the classpath");
            }
            return Json.mapper().readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setReplicas(Map<String, Object> definition, int replicas) {
        child(child(definition, "settings"), "index").put("number_of_replicas", replicas);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }
}
