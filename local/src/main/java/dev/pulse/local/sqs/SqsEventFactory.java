package dev.pulse.local.sqs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.core.json.Json;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/** Lambda's SQS event for a batch of received messages, with the fields and names Lambda sends. */
public final class SqsEventFactory {
    private final String region;
    private final String accountId;

    public SqsEventFactory(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    public String event(String queueName, List<Message> messages) {
        ObjectNode event = Json.mapper().createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            record.putObject("messageAttributes");
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", "arn:aws:sqs:" + region + ":" + accountId + ":" + queueName);
            record.put("awsRegion", region);
        }
        return Json.write(event);
    }
}
