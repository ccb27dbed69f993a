package dev.pulse.core.topology;

import java.util.Optional;

/** A DynamoDB table with string keys, billed on demand. */
public record TableSpec(String name, String partitionKey, Optional<String> sortKey, Optional<String> ttlAttribute) {
    public TableSpec {
        Names.check(name);
    }

    public static TableSpec keyed(String name, String partitionKey) {
        return new TableSpec(name, partitionKey, Optional.empty(), Optional.empty());
    }

    public static TableSpec sorted(String name, String partitionKey, String sortKey) {
        return new TableSpec(name, partitionKey, Optional.of(sortKey), Optional.empty());
    }
}
