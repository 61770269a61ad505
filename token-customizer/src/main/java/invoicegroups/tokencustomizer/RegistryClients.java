package invoicegroups.tokencustomizer;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the trigger's one DynamoDB client, explicitly: region, URLConnection HTTP client, short timeouts. Cognito
 * waits 5 seconds for the trigger, cold start included, and a token request reads two records one after the other,
 * so each GetItem gets 1.5 seconds, retries included: 3 s at worst for both.
 */
final class RegistryClients {

    /** Budget of one GetItem, retries included: a cold start plus two of these stays inside Cognito's 5 s. */
    static final Duration API_CALL_TIMEOUT = Duration.ofMillis(1500);
    /** Budget of one attempt, and of connecting and reading. */
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofMillis(500);

    private RegistryClients() {
    }

    static DynamoDbClient create(TriggerConfiguration configuration) {
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
