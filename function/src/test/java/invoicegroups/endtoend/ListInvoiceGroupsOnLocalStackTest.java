package invoicegroups.endtoend;

import invoicegroups.support.InvoiceGroupsApi;
import java.util.Optional;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same list operation tests against LocalStack's DynamoDB in a container. Skipped where there is no Docker
 * engine; {@code LOCALSTACK_AUTH_TOKEN} is handed to LocalStack when set, {@code LOCALSTACK_IMAGE} picks the image.
 */
@Testcontainers(disabledWithoutDocker = true)
class ListInvoiceGroupsOnLocalStackTest extends ListInvoiceGroupsContract {

    /** Pinned for repeatable runs; {@code LOCALSTACK_IMAGE} overrides it (e.g. localstack/localstack-pro). */
    private static final String DEFAULT_IMAGE = "localstack/localstack:4.10";

    @Container
    static final LocalStackContainer LOCALSTACK = localStack();

    @Override
    InvoiceGroupsApi newApi() {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return InvoiceGroupsApi.create(LOCALSTACK.getEndpoint(), client);
    }

    private static LocalStackContainer localStack() {
        String image = Optional.ofNullable(System.getenv("LOCALSTACK_IMAGE")).filter(name -> !name.isBlank())
                .orElse(DEFAULT_IMAGE);
        LocalStackContainer container = new LocalStackContainer(image).withServices("dynamodb");
        Optional.ofNullable(System.getenv("LOCALSTACK_AUTH_TOKEN")).filter(token -> !token.isBlank())
                .ifPresent(token -> container.withEnv("LOCALSTACK_AUTH_TOKEN", token));
        return container;
    }
}
