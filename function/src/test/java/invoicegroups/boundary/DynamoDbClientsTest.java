package invoicegroups.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

/**
 * The function's client: its settings' region, endpoint and timeouts with its own retries; its credentials: system
 * properties, then Lambda's environment variables, then its container endpoint.
 */
class DynamoDbClientsTest {

    @Test
    void theFunctionsCredentialsChainIsSystemPropertiesThenEnvironmentThenContainer() {
        assertThat(DynamoDbClients.functionCredentials()).isInstanceOf(AwsCredentialsProviderChain.class)
                .extracting(Object::toString).asString()
                .containsSubsequence(SystemPropertyCredentialsProvider.class.getSimpleName(),
                        EnvironmentVariableCredentialsProvider.class.getSimpleName(),
                        ContainerCredentialsProvider.class.getSimpleName());
    }

    @Test
    void systemPropertiesComeFirst() {
        // The build sets aws.accessKeyId/aws.secretAccessKey (placeholders for DynamoDB Local), as the local runner does.
        AwsCredentials credentials = DynamoDbClients.functionCredentials().resolveCredentials();

        assertThat(credentials.accessKeyId()).isEqualTo(System.getProperty("aws.accessKeyId"));
    }

    @Test
    void theClientHasTheSettingsRegionEndpointAndTimeoutsAndItsOwnRetries() {
        Configuration configuration = Configuration.from(Map.of("TABLE_NAME", "invoice-groups",
                "AWS_REGION", "eu-central-1", "DYNAMODB_ENDPOINT", "http://127.0.0.1:8000",
                "DYNAMODB_API_CALL_TIMEOUT_MILLIS", "2500",
                "DYNAMODB_API_CALL_ATTEMPT_TIMEOUT_MILLIS", "800"));

        try (DynamoDbClient client = DynamoDbClients.create(configuration)) {
            ClientOverrideConfiguration override = client.serviceClientConfiguration().overrideConfiguration();

            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
            assertThat(client.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:8000"));
            assertThat(override.apiCallTimeout()).contains(Duration.ofMillis(2500));
            assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofMillis(800));
            assertThat(override.retryStrategy()).hasValueSatisfying(
                    retry -> assertThat(retry.maxAttempts()).isEqualTo(3));
        }
    }
}
