package dev.pulse.core.topology;

/**
 * An OpenSearch alias over a versioned index. Readers and writers use only the alias, so a re-index into a new
 * version swaps atomically. {@code definition} is a classpath resource holding the index's settings and mappings.
 */
public record AliasSpec(String alias, String index, String definition) {
    public AliasSpec {
        Names.check(alias);
        if (!index.startsWith(alias + "-")) {
            throw new IllegalArgumentException("index " + index + " must be a version of alias " + alias);
        }
    }

    /**
     * Every version of the index ({@code pages-*}), not only today's {@code pages-v2}: grants and security roles that
     * name it keep working after a re-index into {@code pages-v3} and the alias swap, with no redeploy.
     */
    public String versions() {
        return alias + "-*";
    }
}
