package dev.pulse.cdk.stacks;

import dev.pulse.cdk.config.EnvironmentConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The SNS topic every alarm notifies. It is encrypted with its own key, because CloudWatch cannot publish to a topic
 * under the AWS-managed SNS key; the key policy lets CloudWatch (and nothing else new) use it, for this account's
 * alarms only.
 */
public final class AlertsStack extends Stack {
    private final Topic topic;

    public AlertsStack(
            Construct scope, String id, StackProps props, EnvironmentConfig config, Optional<String> alarmEmail) {
        super(scope, id, props);
        Key key = Key.Builder.create(this, "AlertsKey")
                .description("Encrypts the Pulse " + config.name() + " alarm topic")
                .enableKeyRotation(true)
                .build();
        // Only for this account's alarms in this region (the confused-deputy guard): CloudWatch sends the alarm's ARN.
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of(
                        "StringEquals",
                        Map.of("aws:SourceAccount", getAccount()),
                        "ArnLike",
                        Map.of(
                                "aws:SourceArn",
                                "arn:" + getPartition() + ":cloudwatch:" + getRegion() + ":" + getAccount()
                                        + ":alarm:*")))
                .build());
        topic = Topic.Builder.create(this, "Alarms")
                .topicName(config.prefix() + "-alarms")
                .displayName("Pulse " + config.name() + " alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        alarmEmail.ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
    }

    public ITopic topic() {
        return topic;
    }
}
