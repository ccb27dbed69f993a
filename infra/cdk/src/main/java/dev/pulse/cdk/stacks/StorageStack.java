package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import dev.pulse.core.topology.QueueSpec;
import dev.pulse.core.topology.TableSpec;
import dev.pulse.core.topology.Topology;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * DynamoDB tables (on-demand, point-in-time recovery, KMS-encrypted, deletion-protected in prod) and the SQS
 * dead-letter, on-failure and quarantine queues (SQS-managed encryption, TLS only) of the topology.
 */
public final class StorageStack extends Stack {
    private final Map<String, ITable> tables = new LinkedHashMap<>();
    private final Map<String, IQueue> queues = new LinkedHashMap<>();

    public StorageStack(Construct scope, String id, StackProps props, EnvironmentConfig config, Topology topology) {
        super(scope, id, props);
        RemovalPolicy removal = config.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        for (TableSpec spec : topology.tables()) {
            Table.Builder table = Table.Builder.create(this, "Table-" + spec.name())
                    .tableName(config.prefix() + "-" + spec.name())
                    .partitionKey(Attribute.builder()
                            .name(spec.partitionKey())
                            .type(AttributeType.STRING)
                            .build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                            .pointInTimeRecoveryEnabled(true)
                            .build())
                    .deletionProtection(config.protectData())
                    .encryption(TableEncryption.AWS_MANAGED)
                    .removalPolicy(removal);
            spec.sortKey()
                    .ifPresent(key -> table.sortKey(Attribute.builder()
                            .name(key)
                            .type(AttributeType.STRING)
                            .build()));
            spec.ttlAttribute().ifPresent(table::timeToLiveAttribute);
            tables.put(spec.name(), table.build());
        }
        for (QueueSpec spec : topology.queues()) {
            // The topology declares a work queue's dead-letter queue before it, so it is built first.
            Optional<DeadLetterQueue> redrive = spec.redrive()
                    .map(r -> DeadLetterQueue.builder()
                            .queue(Lookup.require(queues, r.deadLetterQueue(), "queue"))
                            .maxReceiveCount(r.maxReceiveCount())
                            .build());
            queues.put(
                    spec.name(), queue(this, config, spec.name(), spec.retention(), spec.visibilityTimeout(), redrive));
        }
    }

    /** An encrypted, TLS-only queue. */
    private static Queue queue(
            Construct scope,
            EnvironmentConfig config,
            String name,
            java.time.Duration retention,
            java.time.Duration visibility,
            Optional<DeadLetterQueue> redrive) {
        Queue.Builder queue = Queue.Builder.create(scope, "Queue-" + name);
        redrive.ifPresent(queue::deadLetterQueue);
        return queue.queueName(config.prefix() + "-" + name)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.seconds(retention.toSeconds()))
                .visibilityTimeout(Duration.seconds(visibility.toSeconds()))
                .removalPolicy(config.protectData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
    }

    public ITable table(String name) {
        return Lookup.require(tables, name, "table");
    }

    public IQueue queue(String name) {
        return Lookup.require(queues, name, "queue");
    }

    /** In the topology's order, so the alarms and the dashboard come out the same on every synth. */
    public Map<String, IQueue> queues() {
        return Collections.unmodifiableMap(queues);
    }
}
