package invoicegroups.boundary;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Builds the function's one DynamoDB client, explicitly: region, HTTP client, timeouts, credentials. */
final class DynamoDbClients {

    private DynamoDbClients() {
    }

    static DynamoDbClient create(Configuration configuration) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(configuration.region())
                // The default chain, not EnvironmentVariableCredentialsProvider: under SnapStart, Lambda hands
                // credentials through the container provider. Resolved lazily, on the first call.
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                // URLConnection: no Apache or Netty client to load at cold start.
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(configuration.apiCallAttemptTimeout())
                        .socketTimeout(configuration.apiCallAttemptTimeout())
                        .build())
                .overrideConfiguration(override -> override
                        .apiCallTimeout(configuration.apiCallTimeout())
                        .apiCallAttemptTimeout(configuration.apiCallAttemptTimeout()));
        configuration.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
