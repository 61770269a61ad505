package invoicegroups.embeddeddynamodb;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import invoicegroups.table.InvoiceGroupsTable;
import invoicegroups.table.TenantRegistryTable;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
 * DynamoDB Local running inside this JVM on a loopback port: in memory, or persisted to a directory kept private.
 *
 * <p>Its credentials and region are placeholders: DynamoDB Local accepts any, but the SDK insists on having some.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    /**
     * The one database file DynamoDB Local keeps in a data directory: shared by every access key and region (its
     * {@code -sharedDb} mode), so a client with other placeholder credentials still sees the same tables.
     */
    public static final String DATABASE_FILE = "shared-local-instance.db";
    /** The file earlier versions used (access key {@code local}, region us-east-1): taken over once, if present. */
    static final String EARLIER_DATABASE_FILE = "local_us-east-1.db";
    /** No request is refused for being slow on loopback; a connection idle this long is closed. */
    private static final long IDLE_TIMEOUT_MILLIS = 30_000;

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final URI endpoint;

    private EmbeddedDynamoDb(Server server, LocalDynamoDBServerHandler handler, int port) {
        this.server = server;
        this.handler = handler;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts an in-memory DynamoDB Local on a free port. */
    public static EmbeddedDynamoDb startInMemory() {
        return start(null, 0);
    }

    /**
     * Starts DynamoDB Local on the loopback interface (127.0.0.1) only: it answers anyone who reaches it, without
     * authentication, and the tables it holds may hold secrets.
     *
     * <p>DynamoDB Local's own launcher ({@code ServerRunner}) listens on every interface and offers no option to
     * choose one, so its handler is put behind a Jetty server of ours instead: the same handler and database classes
     * the launcher builds, with CORS answered for no origin (a web page in the developer's browser cannot read it).
     * With a data directory, the directory is made readable by its owner only (0700) and its database file is
     * created 0600 before DynamoDB Local opens it; SQLite gives its journal files the database file's mode.
     *
     * @param dataDirectory where to keep the data between runs, or {@code null} to keep it in memory
     * @param port the port to listen on, or 0 for a free one
     */
    public static EmbeddedDynamoDb start(Path dataDirectory, int port) {
        if (dataDirectory != null) {
            PrivateFiles.prepare(dataDirectory, DATABASE_FILE, EARLIER_DATABASE_FILE);
        }
        Server server = new Server(threads());
        try {
            LocalDynamoDBRequestHandler database = new LocalDynamoDBRequestHandler(port, dataDirectory == null,
                    dataDirectory == null ? null : dataDirectory.toAbsolutePath().toString(), true, false);
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
            connector.setPort(port);
            connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            server.addConnector(connector);
            // An empty allow-list: no Access-Control-Allow-Origin for any page (the launcher's default is "*").
            LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(database, "");
            server.setHandler(handler);
            server.start();
            return new EmbeddedDynamoDb(server, handler, connector.getLocalPort());
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("DynamoDB Local could not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static QueuedThreadPool threads() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("dynamodb-local");
        threads.setDaemon(true);
        return threads;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing: the start's error is the one to report
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * A client for this server on the URLConnection HTTP client (the function itself runs on Apache 5; tests, the runner
     * and the tools need only a plain, light client here), in this server's region, with placeholder credentials.
     */
    public DynamoDbClient newClient() {
        return newClient(endpoint);
    }

    /** The same client for another server speaking DynamoDB's protocol (a test's stand-in for DynamoDB). */
    public static DynamoDbClient newClient(URI endpoint) {
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
        } finally {
            // What DynamoDB Local's own server does after stopping: close the database.
            handler.close();
        }
    }

}
