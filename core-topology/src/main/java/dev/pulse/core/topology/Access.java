package dev.pulse.core.topology;

/**
 * One grant a function needs. The CDK app turns each into a {@code grant*} call, and the local runtime into an
 * environment variable naming the resource.
 */
public record Access(Kind kind, String resource, Mode mode) {
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
        READ_WRITE
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

    /** The environment variable through which the function learns the resource's physical name. */
    public String environmentVariable() {
        return Names.environmentVariable(kind, resource);
    }
}
