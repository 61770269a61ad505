package invoicegroups.tokencustomizer;

import invoicegroups.lambdaclients.UrlConnectionDynamoDb;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The trigger's one DynamoDB client ({@link UrlConnectionDynamoDb}: region, URLConnection HTTP client) and its
 * short timeouts. Cognito waits 5 seconds for the trigger, cold start included, and a token request reads two records
 * one after the other, so each GetItem gets 1.5 seconds, retries included: 3 s at worst for both.
 */
final class RegistryClients {

    /** Budget of one GetItem, retries included: a cold start plus two of these stays inside Cognito's 5 s. */
    static final Duration API_CALL_TIMEOUT = Duration.ofMillis(1500);
    /** Budget of one attempt, and of connecting and reading. */
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofMillis(500);

    private RegistryClients() {
    }

    static DynamoDbClient create(TriggerConfiguration configuration) {
        return UrlConnectionDynamoDb.create(configuration.region(), configuration.dynamoDbEndpoint(),
                API_CALL_TIMEOUT, API_CALL_ATTEMPT_TIMEOUT);
    }
}
