package dev.pulse.ingest.domain;

/** The outcome of reading one user record: a valid post, or the reason it is poison. */
public sealed interface ParseResult {
    /** A post that passed validation. */
    record Parsed(Post post) implements ParseResult {}

    /** Poison: quarantine it with this reason and a human-readable detail. */
    record Rejected(PoisonReason reason, String detail) implements ParseResult {}
}
