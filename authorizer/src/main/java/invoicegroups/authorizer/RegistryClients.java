package invoicegroups.authorizer;

import invoicegroups.lambdaclients.UrlConnectionDynamoDb;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The authorizer's one DynamoDB client ({@link UrlConnectionDynamoDb}: region, URLConnection HTTP client) and
 * its short timeouts.
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
        return UrlConnectionDynamoDb.create(configuration.region(), configuration.dynamoDbEndpoint(),
                API_CALL_TIMEOUT, API_CALL_ATTEMPT_TIMEOUT);
    }
}
