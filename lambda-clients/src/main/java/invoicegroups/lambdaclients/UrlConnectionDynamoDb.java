package invoicegroups.lambdaclients;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The token trigger's and the authorizer's DynamoDB client: {@link DynamoDbClientBuilders#withTimeouts} on the
 * URLConnection HTTP client (connecting and reading each bounded by the attempt's budget) and the SDK's default
 * credentials (in Lambda, the environment variables), resolved on the first call. A class of its own, so the list
 * function, which has no URLConnection client on its classpath, never loads it.
 */
public final class UrlConnectionDynamoDb {

    private UrlConnectionDynamoDb() {
    }

    public static DynamoDbClient create(Region region, Optional<URI> endpoint, Duration apiCallTimeout,
            Duration apiCallAttemptTimeout) {
        return DynamoDbClientBuilders.withTimeouts(region, endpoint, apiCallTimeout, apiCallAttemptTimeout)
                // Lambda's credentials (environment variables), resolved on the first call.
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(apiCallAttemptTimeout)
                        .socketTimeout(apiCallAttemptTimeout)
                        .build())
                .build();
    }
}
