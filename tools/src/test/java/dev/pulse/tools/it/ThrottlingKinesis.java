package dev.pulse.tools.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * kinesalite with Kinesis's throttling: for the first calls, every third PutRecords is refused whole and the others
 * reject every other entry with {@code ProvisionedThroughputExceededException}, as a hot shard would.
 */
final class ThrottlingKinesis implements KinesisClient {
    private final KinesisClient real;
    private final int throttledCalls;
    private final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger rejectedEntries = new AtomicInteger();

    ThrottlingKinesis(KinesisClient real, int throttledCalls) {
        this.real = real;
        this.throttledCalls = throttledCalls;
    }

    @Override
    public ListShardsResponse listShards(ListShardsRequest request) {
        return real.listShards(request);
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        int call = calls.incrementAndGet();
        if (call > throttledCalls) {
            return real.putRecords(request);
        }
        if (call % 3 == 0) {
            rejectedEntries.addAndGet(request.records().size());
            throw ProvisionedThroughputExceededException.builder()
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .errorMessage("Rate exceeded for stream")
                            .build())
                    .message("Rate exceeded for stream")
                    .build();
        }
        List<PutRecordsRequestEntry> accepted = new ArrayList<>();
        for (int i = 0; i < request.records().size(); i += 2) {
            accepted.add(request.records().get(i));
        }
        List<PutRecordsResultEntry> realResults = accepted.isEmpty()
                ? List.of()
                : real.putRecords(request.toBuilder().records(accepted).build()).records();
        List<PutRecordsResultEntry> results = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < request.records().size(); i++) {
            if (i % 2 == 0) {
                results.add(realResults.get(i / 2));
            } else {
                failed++;
                rejectedEntries.incrementAndGet();
                results.add(PutRecordsResultEntry.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("Rate exceeded for shard")
                        .build());
            }
        }
        int failedCount = failed
                + (int) realResults.stream().filter(r -> r.errorCode() != null).count();
        return PutRecordsResponse.builder()
                .records(results)
                .failedRecordCount(failedCount)
                .build();
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {
        // the real client belongs to the test platform
    }
}
