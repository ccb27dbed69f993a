package dev.pulse.tools.drain;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Record;

/** Builds the {@link KinesisEvent} Lambda would deliver for records read from a shard. */
public final class KinesisEvents {
    private KinesisEvents() {}

    public static KinesisEvent of(String shardId, List<Record> records) {
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records.stream().map(r -> record(shardId, r)).toList());
        return event;
    }

    public static KinesisEvent.KinesisEventRecord record(String shardId, Record source) {
        return record(
                shardId,
                source.sequenceNumber(),
                source.partitionKey(),
                source.data().asByteArrayUnsafe(),
                source.approximateArrivalTimestamp() == null
                        ? new Date()
                        : Date.from(source.approximateArrivalTimestamp()));
    }

    public static KinesisEvent.KinesisEventRecord record(
            String shardId, String sequenceNumber, String partitionKey, byte[] data, Date arrival) {
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setKinesisSchemaVersion("1.0");
        kinesis.setSequenceNumber(sequenceNumber);
        kinesis.setPartitionKey(partitionKey);
        kinesis.setData(ByteBuffer.wrap(data));
        kinesis.setApproximateArrivalTimestamp(arrival);
        KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
        record.setKinesis(kinesis);
        record.setEventSource("aws:kinesis");
        record.setEventName("aws:kinesis:record");
        record.setEventVersion("1.0");
        record.setEventID(shardId + ":" + sequenceNumber);
        record.setAwsRegion("us-east-1");
        record.setEventSourceARN("arn:aws:kinesis:us-east-1:000000000000:stream/local");
        return record;
    }
}
