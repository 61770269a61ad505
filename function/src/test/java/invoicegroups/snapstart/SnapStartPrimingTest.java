package invoicegroups.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.DynamoDbClients;
import invoicegroups.boundary.ListInvoiceGroupsHandler;
import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.entity.InvoiceGroup;
import invoicegroups.lambdacontext.LocalLambdaContext;
import invoicegroups.storeditem.InvoiceGroupTableSchema;
import invoicegroups.support.DynamoDbLocal;
import invoicegroups.support.Events;
import invoicegroups.support.SampleInvoiceGroups;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SnapStart priming runs the request path before the snapshot without reaching DynamoDB or any tenant's data. */
class SnapStartPrimingTest {

    private static final String TABLE = "snapstart-priming";

    @Test
    void primingSendsNothingToDynamoDb() throws Exception {
        try (ServerSocket dynamoDb = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = countConnections(dynamoDb);

            new SnapStartPriming(configuration("http://127.0.0.1:" + dynamoDb.getLocalPort())).beforeCheckpoint(null);

            Thread.sleep(100);
            assertThat(connections).hasValue(0);
        }
    }

    @Test
    void primingLeavesTheTableAsItWasAndTheFirstRealRequestAnswersFromIt() throws Exception {
        EmbeddedDynamoDb local = DynamoDbLocal.shared();
        try (DynamoDbClient dynamoDb = local.newClient()) {
            EmbeddedDynamoDb.createInvoiceGroupsTable(dynamoDb, TABLE);
            for (InvoiceGroup group : SampleInvoiceGroups.of("ig_acme", 3)) {
                dynamoDb.putItem(put -> put.tableName(TABLE).item(InvoiceGroupTableSchema.item("acme", group)));
            }
            List<Map<String, AttributeValue>> before = dynamoDb.scan(scan -> scan.tableName(TABLE)).items();
            Configuration configuration = configuration(local.endpoint().toString());
            ListInvoiceGroupsHandler handler =
                    ListInvoiceGroupsHandler.create(configuration, DynamoDbClients.create(configuration));

            new SnapStartPriming(configuration).beforeCheckpoint(null);

            assertThat(dynamoDb.scan(scan -> scan.tableName(TABLE)).items()).isEqualTo(before);
            APIGatewayProxyResponseEvent first =
                    handler.handleRequest(Events.list("acme", "pageSize=2"), new LocalLambdaContext());
            assertThat(first.getStatusCode()).isEqualTo(200);
            assertThat(first.getBody()).contains("\"ig_acme_00001\"", "\"ig_acme_00002\"", "nextToken")
                    .doesNotContain("priming");
        }
    }

    @Test
    void primingNeverAsksForTheFunctionsCredentials() {
        String accessKey = System.clearProperty("aws.accessKeyId");
        String secretKey = System.clearProperty("aws.secretAccessKey");
        try {
            // With no credentials anywhere, resolving the function's own would fail the priming.
            new SnapStartPriming(configuration("http://127.0.0.1:9")).beforeCheckpoint(null);
        } finally {
            System.setProperty("aws.accessKeyId", accessKey);
            System.setProperty("aws.secretAccessKey", secretKey);
        }
    }

    private static Configuration configuration(String endpoint) {
        return Configuration.from(Map.of("TABLE_NAME", TABLE, "AWS_REGION", "us-east-1", "DYNAMODB_ENDPOINT", endpoint));
    }

    private static AtomicInteger countConnections(ServerSocket server) {
        AtomicInteger connections = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    connections.incrementAndGet();
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return connections;
    }
}
