package invoicegroups.lambdaclients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The client every function builds: its region, endpoint and timeouts as given, and a hung endpoint bounded. */
class DynamoDbClientBuildersTest {

    private static final Duration CALL = Duration.ofMillis(600);
    private static final Duration ATTEMPT = Duration.ofMillis(200);

    @Test
    void theRegionTheEndpointAndBothTimeoutsAreTheOnesGiven() {
        try (DynamoDbClient client = UrlConnectionDynamoDb.create(Region.EU_WEST_1,
                Optional.of(URI.create("http://127.0.0.1:8000")), CALL, ATTEMPT)) {
            DynamoDbServiceClientConfiguration configuration = client.serviceClientConfiguration();

            assertThat(configuration.region()).isEqualTo(Region.EU_WEST_1);
            assertThat(configuration.endpointOverride()).contains(URI.create("http://127.0.0.1:8000"));
            assertThat(configuration.overrideConfiguration().apiCallTimeout()).contains(CALL);
            assertThat(configuration.overrideConfiguration().apiCallAttemptTimeout()).contains(ATTEMPT);
        }
    }

    @Test
    void withoutAnEndpointTheRegionsEndpointIsUsed() {
        try (DynamoDbClient client = DynamoDbClientBuilders.withTimeouts(Region.US_EAST_1, Optional.empty(), CALL,
                ATTEMPT).credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            assertThat(client.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }

    @Test
    void aDynamoDbThatNeverAnswersEndsInAFailureWithinTheCallsBudget() throws IOException {
        try (SilentServer silent = SilentServer.start();
                DynamoDbClient client = UrlConnectionDynamoDb.create(Region.US_EAST_1,
                        Optional.of(URI.create(silent.endpoint())), CALL, ATTEMPT)) {
            long started = System.nanoTime();

            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> client.getItem(get -> get
                    .tableName("registry").key(Map.of("pk", AttributeValue.fromS("client")))))
                    .isInstanceOf(SdkClientException.class));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CALL.plusMillis(1000));
        }
    }
}
