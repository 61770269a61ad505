package invoicegroups.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

/** The function's credentials: system properties, then Lambda's environment variables, then its container endpoint. */
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
}
