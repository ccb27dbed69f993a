package dev.pulse.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.core.json.Json;
import java.math.BigInteger;
import java.util.List;

/**
 * Reads a function's partial batch response the way Lambda does for Kinesis: no or an empty
 * {@code batchItemFailures} is a complete success; an entry whose {@code itemIdentifier} is missing, empty or names
 * no record of the batch makes the whole batch a failure; otherwise processing resumes at the lowest failed record.
 */
public final class BatchResponse {
    /** {@code -1}: every record succeeded; {@code -2}: treat the whole batch as failed; else the first failed index. */
    public static final int SUCCESS = -1;

    public static final int WHOLE_BATCH = -2;

    private BatchResponse() {}

    public static int firstFailure(String response, List<StreamRecord> batch) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(response);
        } catch (Exception e) {
            return WHOLE_BATCH;
        }
        if (root == null || !root.isObject()) {
            return SUCCESS;
        }
        JsonNode failures = root.get("batchItemFailures");
        if (failures == null || failures.isNull() || (failures.isArray() && failures.isEmpty())) {
            return SUCCESS;
        }
        if (!failures.isArray()) {
            return WHOLE_BATCH;
        }
        java.util.Set<String> inBatch = new java.util.HashSet<>();
        batch.forEach(r -> inBatch.add(r.sequenceNumber()));
        BigInteger lowest = null;
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || id.isNull() || !inBatch.contains(id.asText())) {
                return WHOLE_BATCH;
            }
            BigInteger sequence = new BigInteger(id.asText());
            lowest = lowest == null || sequence.compareTo(lowest) < 0 ? sequence : lowest;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).sequence().equals(lowest)) {
                return i;
            }
        }
        return WHOLE_BATCH;
    }
}
