package dev.pulse.accounts.adapter.dynamodb;

import dev.pulse.accounts.application.StorageUnavailableException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Shared by the DynamoDB adapters: a failed call becomes a 503, a failed condition a value. */
final class Dynamo {
    private Dynamo() {}

    /** Runs a call; anything the SDK throws but a failed condition means storage is unavailable. */
    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw StorageUnavailableException.storage(e);
        }
    }

    /** Runs a conditional write; false when its condition failed. */
    static boolean conditional(Runnable write) {
        try {
            call(() -> {
                write.run();
                return null;
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
