package dev.pulse.core.topology.search;

import dev.pulse.core.topology.Access;
import dev.pulse.core.topology.AliasSpec;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.IndexTemplateSpec;
import dev.pulse.core.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A searching function's role in OpenSearch's security plugin (AWS only: the local node has none): index patterns and
 * actions from its SEARCH grants, and the mapping of its IAM role onto it.
 */
final class SecurityRoles {
    private SecurityRoles() {}

    static boolean searches(FunctionSpec function) {
        return function.access().stream().anyMatch(a -> a.kind() == Access.Kind.SEARCH);
    }

    static String name(String prefix, FunctionSpec function) {
        return prefix + "pulse_" + function.name().replace('-', '_');
    }

    static String role(Topology topology, FunctionSpec function, String prefix) {
        Set<String> cluster = new LinkedHashSet<>();
        List<String> indexPermissions = new ArrayList<>();
        for (Access access : function.access()) {
            if (access.kind() != Access.Kind.SEARCH) {
                continue;
            }
            List<String> actions = new ArrayList<>();
            switch (access.mode()) {
                case QUERY -> {
                    actions.add("indices:data/read/search");
                    cluster.add("cluster:monitor/nodes/stats");
                }
                case EXPIRE -> {
                    // _cat/indices reads the cluster state, health, and each index's stats and settings.
                    actions.addAll(
                            List.of("indices:admin/delete", "indices:monitor/stats", "indices:monitor/settings/get"));
                    cluster.addAll(List.of("cluster:monitor/state", "cluster:monitor/health"));
                }
                case READ, WRITE, READ_WRITE -> {
                    if (access.mode() != Access.Mode.WRITE) {
                        actions.addAll(List.of("read", "indices:admin/aliases/get"));
                        // _msearch and alias look-ups without an index in the path are cluster-level composite actions.
                        cluster.addAll(List.of("indices:data/read/msearch", "indices:admin/aliases/get"));
                    }
                    if (access.mode() != Access.Mode.READ) {
                        actions.addAll(List.of("write", "create_index"));
                        cluster.add("indices:data/write/bulk");
                    }
                }
            }
            indexPermissions.add(JsonText.object(
                    "index_patterns",
                    JsonText.strings(patterns(topology, access.resource(), prefix)),
                    "allowed_actions",
                    JsonText.strings(actions)));
        }
        return JsonText.object(
                "cluster_permissions",
                JsonText.strings(List.copyOf(cluster)),
                "index_permissions",
                JsonText.array(indexPermissions));
    }

    static String mapping(String iamRole) {
        return JsonText.object("backend_roles", JsonText.strings(List.of(iamRole)));
    }

    private static List<String> patterns(Topology topology, String resource, String prefix) {
        for (AliasSpec alias : topology.aliases()) {
            if (alias.alias().equals(resource)) {
                return List.of(prefix + alias.alias(), prefix + alias.versions());
            }
        }
        return topology.indexTemplates().stream()
                .filter(t -> t.name().equals(resource))
                .map(IndexTemplateSpec::pattern)
                .map(pattern -> prefix + pattern)
                .toList();
    }
}
