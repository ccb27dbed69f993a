package dev.pulse.core.aws;

import dev.pulse.core.config.PulseConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS SDK clients with an explicit HTTP client, the configured region and, on the local platform, the
 * loopback endpoint and dummy credentials. Composition roots call this once per Lambda instance.
 */
public final class AwsClients {
    /** The local emulators accept any key; these are not secrets. */
    private static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("pulse-local", "pulse-local"));

    private final PulseConfig config;

    public AwsClients(PulseConfig config) {
        this.config = config;
        if (config.local()) {
            // kinesalite cannot speak CBOR; the SDK reads this flag when it builds the Kinesis protocol.
            System.setProperty("aws.cborEnabled", "false");
        }
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), config.dynamoDbEndpoint())
                .httpClient(httpClient())
                .build();
    }

    public KinesisClient kinesis() {
        return configure(KinesisClient.builder(), config.kinesisEndpoint())
                .httpClient(httpClient())
                .build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder(), config.sqsEndpoint())
                .httpClient(httpClient())
                .build();
    }

    /** Reads a secret's string value once, at cold start (the ElastiCache AUTH token). */
    public String secretString(String arn) {
        try (SecretsManagerClient secrets = configure(SecretsManagerClient.builder(), Optional.empty())
                .httpClient(httpClient())
                .build()) {
            return secrets.getSecretValue(g -> g.secretId(arn)).secretString();
        }
    }

    /**
     * Apache HttpClient 5, which the OpenSearch transport already brings. Not the URL-connection client: before it
     * reuses a kept-alive connection for a request with a body (every DynamoDB, Kinesis and SQS call is a POST), the
     * JDK's HttpURLConnection probes the socket with a 1 ms timed read, so every call waited a millisecond and threw a
     * {@code SocketTimeoutException} ({@code ./pulse bench accounts}, BENCHMARKS.md).
     */
    private SdkHttpClient httpClient() {
        return Apache5HttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Optional<URI> endpoint) {
        builder.region(config.region())
                .credentialsProvider(
                        config.local()
                                ? LOCAL_CREDENTIALS
                                : DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(30))
                        .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
