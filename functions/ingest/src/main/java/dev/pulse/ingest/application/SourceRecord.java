package dev.pulse.ingest.application;

/** One user record after de-aggregation: its Kinesis record, its position inside it, and its raw bytes. */
public record SourceRecord(InboundRecord inbound, int subSequence, String partitionKey, byte[] data) {
    public String sequenceNumber() {
        return inbound.sequenceNumber();
    }
}
