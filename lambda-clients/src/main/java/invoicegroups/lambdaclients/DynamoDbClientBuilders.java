package invoicegroups.lambdaclients;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The part of a Lambda function's DynamoDB client every function here sets the same way: the region, the endpoint
 * override (DynamoDB Local, LocalStack; unset in AWS), the budget of one call (the SDK's retries included) and of one
 * attempt. Each function keeps its own budget and says why; this only applies it.
 *
 * <p>Nothing here is built until a function asks, at its initialisation: the functions build their one client once.
 */
public final class DynamoDbClientBuilders {

    private DynamoDbClientBuilders() {
    }

    /**
     * A builder with the region, the endpoint override and the timeouts set; the caller adds the HTTP client and the
     * credentials (and may add to {@link DynamoDbClientBuilder#overrideConfiguration()}).
     */
    public static DynamoDbClientBuilder withTimeouts(Region region, Optional<URI> endpoint, Duration apiCallTimeout,
            Duration apiCallAttemptTimeout) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .overrideConfiguration(override -> override
                        .apiCallTimeout(apiCallTimeout)
                        .apiCallAttemptTimeout(apiCallAttemptTimeout));
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
