package invoicegroups.boundary;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Builds the function's one DynamoDB client, explicitly: region, HTTP client, timeouts, credentials. */
final class DynamoDbClients {

    private static final int MAX_ATTEMPTS = 3;
    private static final Duration BASE_DELAY = Duration.ofMillis(25);
    private static final Duration THROTTLED_BASE_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(500);

    private DynamoDbClients() {
    }

    static DynamoDbClient create(Configuration configuration) {
        return create(configuration, httpClient(configuration));
    }

    /** A new HTTP client of the function's kind, with the function's timeouts (SnapStart priming builds its own). */
    static SdkHttpClient httpClient(Configuration configuration) {
        // URLConnection: the fastest start and the smallest jar of the SDK's HTTP clients (measured: BENCHMARKS.md).
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(configuration.apiCallAttemptTimeout())
                .socketTimeout(configuration.apiCallAttemptTimeout())
                .build();
    }

    /** The same client on another HTTP client: what the benchmark (bench/) compares the choice with. */
    static DynamoDbClient create(Configuration configuration, SdkHttpClient httpClient) {
        // The default chain, not EnvironmentVariableCredentialsProvider: under SnapStart, Lambda hands credentials
        // through the container provider. Resolved lazily, on the first call.
        return create(configuration, httpClient, DefaultCredentialsProvider.builder().build());
    }

    /** The same client with other credentials: SnapStart priming signs with placeholders, never the function's. */
    static DynamoDbClient create(Configuration configuration, SdkHttpClient httpClient,
            AwsCredentialsProvider credentials) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(configuration.region())
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(override -> override
                        .apiCallTimeout(configuration.apiCallTimeout())
                        .apiCallAttemptTimeout(configuration.apiCallAttemptTimeout())
                        // Short backoffs: three throttled attempts end well inside the call budget, so persistent
                        // throttling reaches the caller as a 429 rather than as a timeout.
                        .retryStrategy(retry -> retry
                                .maxAttempts(MAX_ATTEMPTS)
                                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_BACKOFF))
                                .throttlingBackoffStrategy(
                                        BackoffStrategy.exponentialDelay(THROTTLED_BASE_DELAY, MAX_BACKOFF))));
        configuration.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
