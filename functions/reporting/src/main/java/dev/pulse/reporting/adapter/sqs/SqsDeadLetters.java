package dev.pulse.reporting.adapter.sqs;

import dev.pulse.core.json.Json;
import dev.pulse.reporting.application.DeadLetters;
import dev.pulse.reporting.domain.Window;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The job's failure queue: one JSON message per failed account, enough to retry it by hand or on the next run. */
public final class SqsDeadLetters implements DeadLetters {
    private final SqsClient sqs;
    private final QueueUrl queueUrl;

    public SqsDeadLetters(SqsClient sqs, String queue) {
        this.sqs = sqs;
        this.queueUrl = new QueueUrl(sqs, queue);
    }

    @Override
    public void accountFailed(String job, Window window, String accountId, String error) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("job", job);
        message.put("periodKey", window.key());
        message.put("accountId", accountId);
        message.put("error", error.length() > 2_000 ? error.substring(0, 2_000) : error);
        sqs.sendMessage(m -> m.queueUrl(queueUrl.get()).messageBody(Json.write(message)));
    }
}
