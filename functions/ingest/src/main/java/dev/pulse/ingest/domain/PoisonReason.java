package dev.pulse.ingest.domain;

/** Why a record was quarantined instead of indexed; the DLQ entry carries the name. */
public enum PoisonReason {
    MALFORMED_JSON,
    INVALID_UTF8,
    OVERSIZED,
    MISSING_ID,
    MISSING_FIELD,
    WRONG_TYPE,
    INVALID_VALUE,
    CORRUPT_AGGREGATE,
    REJECTED_BY_INDEX
}
