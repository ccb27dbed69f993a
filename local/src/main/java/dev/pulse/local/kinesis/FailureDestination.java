package dev.pulse.local.kinesis;

/** The mapping's on-failure destination: receives the metadata of records it gave up on. */
public interface FailureDestination {
    void send(String metadataJson);
}
