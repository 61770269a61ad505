package invoicegroups.authorizer;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the authorizer's one DynamoDB client, explicitly: region, URLConnection HTTP client, short timeouts.
 *
 * <p>API Gateway waits 10 s for a Lambda authorizer's answer. The slowest request this authorizer serves is a cold
 * start (about 1 s, see the README's Performance section) plus one JWKS fetch ({@link JwksSources}: 1 s to connect,
 * 1 s to read) plus the registry read below (2 s, retries included): about 5 s, half of API Gateway's wait, so a hung
 * dependency ends in the authorizer's own 500, never in API Gateway's timeout.
 */
final class RegistryClients {

    /** Budget of one BatchGetItem, the SDK's retries included. */
    static final Duration API_CALL_TIMEOUT = Duration.ofMillis(2000);
    /** Budget of one attempt, and of connecting and reading. */
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofMillis(700);

    private RegistryClients() {
    }

    static DynamoDbClient create(AuthorizerConfiguration configuration) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(configuration.region())
                // Lambda's credentials (environment variables), resolved on the first call.
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(API_CALL_ATTEMPT_TIMEOUT)
                        .socketTimeout(API_CALL_ATTEMPT_TIMEOUT)
                        .build())
                .overrideConfiguration(override -> override
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT));
        configuration.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
