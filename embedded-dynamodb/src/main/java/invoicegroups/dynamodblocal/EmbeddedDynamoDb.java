package invoicegroups.dynamodblocal;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import invoicegroups.table.InvoiceGroupsTable;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * DynamoDB Local running inside this JVM on a free loopback port: in memory, or persisted to a directory.
 *
 * <p>Its credentials and region are placeholders: DynamoDB Local accepts any, but the SDK insists on having some.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts an in-memory DynamoDB Local on a free port. */
    public static EmbeddedDynamoDb startInMemory() {
        return start(null, 0);
    }

    /**
     * Starts DynamoDB Local.
     *
     * @param dataDirectory where to keep the data between runs, or {@code null} to keep it in memory
     * @param port the port to listen on, or 0 for a free one
     */
    public static EmbeddedDynamoDb start(Path dataDirectory, int port) {
        int chosenPort = port == 0 ? freePort() : port;
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(chosenPort), "-disableTelemetry"));
        if (dataDirectory == null) {
            args.add("-inMemory");
        } else {
            args.addAll(List.of("-dbPath", dataDirectory.toAbsolutePath().toString()));
        }
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            return new EmbeddedDynamoDb(server, chosenPort);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local could not start on port " + chosenPort + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server, built the way the function builds its own: URLConnection client, explicit region. */
    public DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * Creates the invoice groups table from the shared definition, on demand, if it does not exist yet.
     */
    public static void createInvoiceGroupsTable(DynamoDbClient client, String tableName) {
        createIfMissing(client, table -> table
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName(InvoiceGroupsTable.PARTITION_KEY)
                                .attributeType(InvoiceGroupsTable.KEY_TYPE).build(),
                        AttributeDefinition.builder()
                                .attributeName(InvoiceGroupsTable.SORT_KEY)
                                .attributeType(InvoiceGroupsTable.KEY_TYPE).build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName(InvoiceGroupsTable.PARTITION_KEY).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder()
                                .attributeName(InvoiceGroupsTable.SORT_KEY).keyType(KeyType.RANGE).build()));
    }

    /**
     * Creates the tenant registry table from the shared definition (partition key the app client id, index
     * {@link TenantRegistryTable#BY_TENANT_INDEX} by tenant), on demand, if it does not exist yet.
     */
    public static void createTenantRegistryTable(DynamoDbClient client, String tableName) {
        createIfMissing(client, table -> table
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName(TenantRegistryTable.PARTITION_KEY)
                                .attributeType(TenantRegistryTable.KEY_TYPE).build(),
                        AttributeDefinition.builder()
                                .attributeName(TenantRegistryTable.TENANT_ID)
                                .attributeType(TenantRegistryTable.KEY_TYPE).build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName(TenantRegistryTable.PARTITION_KEY).keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(TenantRegistryTable.BY_TENANT_INDEX)
                        .keySchema(
                                KeySchemaElement.builder()
                                        .attributeName(TenantRegistryTable.TENANT_ID).keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder()
                                        .attributeName(TenantRegistryTable.PARTITION_KEY).keyType(KeyType.RANGE).build())
                        .projection(projection -> projection.projectionType(ProjectionType.ALL))
                        .build()));
    }

    private static void createIfMissing(DynamoDbClient client, Consumer<CreateTableRequest.Builder> table) {
        try {
            client.createTable(table);
        } catch (ResourceInUseException alreadyExists) {
            // Kept from an earlier run (a persistent data directory): nothing to do.
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for DynamoDB Local", e);
        }
    }
}
