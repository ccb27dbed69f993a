package dev.pulse.cdk.stacks;

import java.util.Map;

/** Finds a topology-named resource built by a stack, failing with the name when the topology and stacks disagree. */
final class Lookup {
    private Lookup() {}

    static <T> T require(Map<String, T> resources, String name, String kind) {
        T resource = resources.get(name);
        if (resource == null) {
            throw new IllegalArgumentException(
                    "no " + kind + " named " + name + " was built; known: " + resources.keySet());
        }
        return resource;
    }
}
