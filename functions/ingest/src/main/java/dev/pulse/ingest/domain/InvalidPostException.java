package dev.pulse.ingest.domain;

/** Validation failure inside {@link PostParser}; it never escapes the parser. */
final class InvalidPostException extends RuntimeException {
    private final PoisonReason reason;

    InvalidPostException(PoisonReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    PoisonReason reason() {
        return reason;
    }
}
