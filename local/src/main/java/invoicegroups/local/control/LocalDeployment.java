package invoicegroups.local.control;

import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.ListInvoiceGroupsHandler;
import invoicegroups.dynamodblocal.EmbeddedDynamoDb;
import invoicegroups.table.InvoiceGroupsTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the stack deploys, inside this JVM: the table in DynamoDB Local, created from the shared definition, and the
 * function's handler class, configured through the same settings Lambda gives it.
 */
public final class LocalDeployment implements AutoCloseable {

    public static final String TABLE_NAME = InvoiceGroupsTable.DEFAULT_NAME;
    public static final String TENANT_CLAIM = Configuration.DEFAULT_TENANT_CLAIM;

    private final EmbeddedDynamoDb dynamoDb;
    private final DynamoDbClient client;
    private final ListInvoiceGroupsHandler handler;

    private LocalDeployment(EmbeddedDynamoDb dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.client = dynamoDb.newClient();
        EmbeddedDynamoDb.createInvoiceGroupsTable(client, TABLE_NAME);
        // The handler resolves credentials through the SDK's default chain, as it must in Lambda. DynamoDB Local
        // accepts any, so placeholders go first in that chain: real AWS credentials are never looked up or sent.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        this.handler = new ListInvoiceGroupsHandler(Configuration.from(Map.of(
                "TABLE_NAME", TABLE_NAME,
                "AWS_REGION", EmbeddedDynamoDb.REGION.id(),
                "DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString(),
                "TENANT_CLAIM", TENANT_CLAIM)));
    }

    /** @param dataDirectory where DynamoDB Local keeps its data; empty: in memory */
    public static LocalDeployment start(Optional<Path> dataDirectory) {
        dataDirectory.ifPresent(LocalDeployment::createDirectory);
        EmbeddedDynamoDb dynamoDb;
        // DynamoDB Local prints its configuration on stdout; stdout is the invoke mode's answer, so send it aside.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            dynamoDb = EmbeddedDynamoDb.start(dataDirectory.orElse(null), 0);
        } catch (IllegalStateException e) {
            throw StartupException.failure(e.getMessage());
        } finally {
            System.setOut(stdout);
        }
        try {
            return new LocalDeployment(dynamoDb);
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
    }

    public ListInvoiceGroupsHandler handler() {
        return handler;
    }

    public InvoiceGroupLoader loader() {
        return new InvoiceGroupLoader(client, TABLE_NAME);
    }

    /** A client for the local table, for whoever needs to look at it directly (tests, benchmarks). */
    public DynamoDbClient dynamoDb() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        dynamoDb.close();
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw StartupException.failure("--data-dir " + directory + ": cannot be created (" + e.getMessage() + ")");
        }
    }
}
