package dev.pulse.core.topology;

/**
 * One grant a function needs. The CDK app turns each into a {@code grant*} call, and the local runtime into an
 * environment variable naming the resource.
 */
public record Access(Kind kind, String resource, Mode mode) {
    /**
     * The search thread pool's statistics, which a {@link Mode#QUERY} reader polls to yield to others' searches (the
     * reporting jobs' pacer).
     */
    public static final String SEARCH_POOL_STATS = "_nodes/stats/thread_pool/search";

    public Access {
        if ((mode == Mode.QUERY || mode == Mode.EXPIRE) && kind != Kind.SEARCH) {
            throw new IllegalArgumentException(
                    mode + " is an access to OpenSearch, not to a " + kind + ": " + resource);
        }
    }

    /** The kind of resource granted. */
    public enum Kind {
        STREAM,
        TABLE,
        QUEUE,
        SEARCH,
        CACHE
    }

    /** What the function does with it. */
    public enum Mode {
        READ,
        WRITE,
        READ_WRITE,
        /**
         * OpenSearch only: searches and aggregations ({@code POST <index>/_search}) and the search pool's statistics;
         * no document reads by path, no writes.
         */
        QUERY,
        /**
         * OpenSearch only: lists a template's indices ({@code GET _cat/indices/<pattern>}) and deletes whole ones; no
         * document reads or writes (retention).
         */
        EXPIRE
    }

    public static Access reads(Kind kind, String resource) {
        return new Access(kind, resource, Mode.READ);
    }

    public static Access writes(Kind kind, String resource) {
        return new Access(kind, resource, Mode.WRITE);
    }

    public static Access readsAndWrites(Kind kind, String resource) {
        return new Access(kind, resource, Mode.READ_WRITE);
    }

    /** A reader that only searches {@code resource} (an alias or an index template): see {@link Mode#QUERY}. */
    public static Access queries(String resource) {
        return new Access(Kind.SEARCH, resource, Mode.QUERY);
    }

    /** A job that deletes whole indices of the template {@code resource}: see {@link Mode#EXPIRE}. */
    public static Access expires(String resource) {
        return new Access(Kind.SEARCH, resource, Mode.EXPIRE);
    }

    /** The environment variable through which the function learns the resource's physical name. */
    public String environmentVariable() {
        return Names.environmentVariable(kind, resource);
    }
}
