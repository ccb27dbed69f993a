package dev.pulse.ingest.application;

/**
 * One externally versioned index write. The source is pre-serialized JSON, so that bulk requests can be sized exactly
 * by bytes.
 */
public record IndexOp(String index, String id, long version, byte[] source) {}
