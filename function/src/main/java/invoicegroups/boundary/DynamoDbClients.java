package invoicegroups.boundary;

import invoicegroups.lambdaclients.DynamoDbClientBuilders;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the function's one DynamoDB client, explicitly: region, endpoint and timeouts as every function sets them
 * ({@link DynamoDbClientBuilders}), then its own HTTP client, credentials and retries.
 */
public final class DynamoDbClients {

    private static final int MAX_ATTEMPTS = 3;
    private static final Duration BASE_DELAY = Duration.ofMillis(25);
    private static final Duration THROTTLED_BASE_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(500);

    private DynamoDbClients() {
    }

    public static DynamoDbClient create(Configuration configuration) {
        return create(configuration, httpClient(configuration));
    }

    /** A new HTTP client of the function's kind, with the function's timeouts (SnapStart priming builds its own). */
    public static SdkHttpClient httpClient(Configuration configuration) {
        // Apache 5: about half URLConnection's warm latency, pure Java (nothing native crosses a SnapStart snapshot),
        // and its connection pool is empty until the first request (measured: BENCHMARKS.md, HTTP client).
        return Apache5HttpClient.builder()
                .connectionTimeout(configuration.apiCallAttemptTimeout())
                .socketTimeout(configuration.apiCallAttemptTimeout())
                .build();
    }

    /** The same client on another HTTP client: what the benchmark (bench/) compares the choice with. */
    public static DynamoDbClient create(Configuration configuration, SdkHttpClient httpClient) {
        return create(configuration, httpClient, functionCredentials());
    }

    /**
     * Where the function's credentials are: in Lambda, the environment variables, or with SnapStart the container
     * credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI,
     * https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html#snapstart-credentials); system properties
     * first, for local runs and tests. The SDK's default chain would also try web identity, profile files and the
     * EC2 instance metadata, none of which a Lambda function has: its first walk cost the first request after a
     * SnapStart restore about 6 ms here (bench/). Resolved lazily, on the first call, never into a snapshot.
     */
    public static AwsCredentialsProvider functionCredentials() {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create())
                .build();
    }

    /** The same client with other credentials: SnapStart priming signs with placeholders, never the function's. */
    public static DynamoDbClient create(Configuration configuration, SdkHttpClient httpClient,
            AwsCredentialsProvider credentials) {
        DynamoDbClientBuilder builder = DynamoDbClientBuilders.withTimeouts(configuration.region(),
                        configuration.dynamoDbEndpoint(), configuration.apiCallTimeout(),
                        configuration.apiCallAttemptTimeout())
                .credentialsProvider(credentials)
                .httpClient(httpClient);
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        // Short backoffs: three throttled attempts end well inside the call budget, so persistent
                        // throttling reaches the caller as a 429 rather than as a timeout.
                        .retryStrategy(retry -> retry
                                .maxAttempts(MAX_ATTEMPTS)
                                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_BACKOFF))
                                .throttlingBackoffStrategy(
                                        BackoffStrategy.exponentialDelay(THROTTLED_BASE_DELAY, MAX_BACKOFF)))
                        .build())
                .build();
    }
}
