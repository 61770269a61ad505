package invoicegroups.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.DynamoDbClients;
import invoicegroups.boundary.ListInvoiceGroupsHandler;
import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.lambdacontext.LocalLambdaContext;
import invoicegroups.storeditem.InvoiceGroupItemContract;
import invoicegroups.support.Events;
import invoicegroups.support.MalformedItems;
import invoicegroups.table.EnvironmentVariables;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A measurement, not a test: what the item contract costs. (1) {@code check} per valid item, in isolation; (2) a page
 * of 20 through the handler on DynamoDB Local in-process, from a tenant whose items are all valid and from one where
 * every fifth item is bad (so a page of 20 reads past 5 bad ones). The bad items are the function tests' own table of
 * malformed items (the function's test jar). Run (figures in the README's section on stored items the API did not
 * write):
 *
 * <pre>mvn -q -B -DskipTests -pl bench/harness -am package
 * java -Daws.accessKeyId=local -Daws.secretAccessKey=local \
 *     -cp bench/harness/target/classes:$(cat bench/harness/target/classpath.txt) invoicegroups.bench.LeftOutItemsCost</pre>
 */
public final class LeftOutItemsCost {

    private static final LocalLambdaContext CONTEXT = new LocalLambdaContext();

    public static void main(String[] args) {
        contractCheck();
        pages();
        System.exit(0);
    }

    private static void contractCheck() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(MalformedItems.valid("acme", String.format("ig_%05d", i), i + 1));
        }
        long sink = 0;
        for (int round = 0; round < 3000; round++) { // warm-up
            for (Map<String, AttributeValue> item : items) {
                sink += InvoiceGroupItemContract.check(item).isEmpty() ? 1 : 0;
            }
        }
        long start = System.nanoTime();
        int rounds = 5000;
        for (int round = 0; round < rounds; round++) {
            for (Map<String, AttributeValue> item : items) {
                sink += InvoiceGroupItemContract.check(item).isEmpty() ? 1 : 0;
            }
        }
        double nanosPerItem = (System.nanoTime() - start) / (double) (rounds * items.size());
        System.out.printf("contract check, valid item: %.0f ns/item (%d)%n", nanosPerItem, sink % 2);
    }

    private static void pages() {
        EmbeddedDynamoDb dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
        DynamoDbClient dynamoDb = dynamoDbLocal.newClient();
        String tableName = "invoice-groups";
        EmbeddedDynamoDb.createInvoiceGroupsTable(dynamoDb, tableName);
        List<Map<String, AttributeValue>> clean = new ArrayList<>();
        List<Map<String, AttributeValue>> dirty = new ArrayList<>();
        List<MalformedItems.Case> broken = MalformedItems.all();
        for (int i = 0; i < 2000; i++) {
            String id = String.format("ig_%05d", i);
            clean.add(MalformedItems.valid("clean", id, i + 1));
            dirty.add(i % 5 == 4 ? broken.get(i % broken.size()).item("dirty", id, i + 1)
                    : MalformedItems.valid("dirty", id, i + 1));
        }
        put(dynamoDb, tableName, clean);
        put(dynamoDb, tableName, dirty);
        // The handler as Lambda builds it (no OpenAPI validation in the way); its operator lines are written to a
        // discarding stream, as they would be written to Lambda's log stream.
        Configuration configuration = Configuration.from(Map.of(
                EnvironmentVariables.TABLE_NAME, tableName, "AWS_REGION", "us-east-1",
                "DYNAMODB_ENDPOINT", dynamoDbLocal.endpoint().toString()));
        ListInvoiceGroupsHandler handler =
                ListInvoiceGroupsHandler.create(configuration, DynamoDbClients.create(configuration));
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            for (int round = 0; round < 2; round++) {
                measure(handler, "clean", 1500);
                measure(handler, "dirty", 1500);
            }
            long[] clean1 = measure(handler, "clean", 3000);
            long[] dirty1 = measure(handler, "dirty", 3000);
            long[] clean2 = measure(handler, "clean", 3000);
            long[] dirty2 = measure(handler, "dirty", 3000);
            out.println("clean: " + summary(clean1) + " / " + summary(clean2));
            out.println("dirty (1 in 5 bad): " + summary(dirty1) + " / " + summary(dirty2));
        } finally {
            System.setOut(out);
        }
    }

    /** The items as they are, 25 a BatchWriteItem, until DynamoDB Local has processed them all. */
    private static void put(DynamoDbClient dynamoDb, String tableName, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(from + 25, items.size())).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> unsent = pending;
                pending = dynamoDb.batchWriteItem(request -> request.requestItems(unsent)).unprocessedItems();
            }
        }
    }

    private static long[] measure(ListInvoiceGroupsHandler handler, String tenant, int requests) {
        long[] micros = new long[requests];
        String token = null;
        for (int i = 0; i < requests; i++) {
            String query = "pageSize=20" + (token == null ? "" : "&nextToken=" + token);
            long start = System.nanoTime();
            APIGatewayProxyResponseEvent response = handler.handleRequest(Events.list(tenant, query), CONTEXT);
            micros[i] = (System.nanoTime() - start) / 1000;
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException(response.getBody() + CONTEXT.logLines());
            }
            int at = response.getBody().indexOf("\"nextToken\":\"");
            token = at < 0 ? null : response.getBody().substring(at + 13, response.getBody().indexOf('"', at + 13));
        }
        return micros;
    }

    private static String summary(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return String.format("median %d µs, p90 %d µs, p99 %d µs over %d pages of 20", sorted[sorted.length / 2],
                sorted[sorted.length * 9 / 10], sorted[sorted.length * 99 / 100], sorted.length);
    }
}
