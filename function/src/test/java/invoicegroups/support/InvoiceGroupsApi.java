package invoicegroups.support;

import invoicegroups.lambdacontext.LocalLambdaContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.DynamoDbClients;
import invoicegroups.boundary.ListInvoiceGroupsHandler;
import invoicegroups.storeditem.InvoiceGroupTableSchema;
import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.entity.InvoiceGroup;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The function as API Gateway calls it, on a fresh table of a real DynamoDB engine (DynamoDB Local or LocalStack).
 * Every response is checked against the OpenAPI document before a test sees it.
 */
public final class InvoiceGroupsApi {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final ListInvoiceGroupsHandler handler;

    private InvoiceGroupsApi(DynamoDbClient dynamoDb, String tableName, ListInvoiceGroupsHandler handler) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.handler = handler;
    }

    /** A new table at {@code endpoint}, and the handler configured for it the way Lambda configures it. */
    public static InvoiceGroupsApi create(URI endpoint, DynamoDbClient dynamoDb) {
        return create(endpoint, dynamoDb, Map.of());
    }

    public static InvoiceGroupsApi create(URI endpoint, DynamoDbClient dynamoDb, Map<String, String> moreEnvironment) {
        String tableName = "invoice-groups-" + UUID.randomUUID();
        EmbeddedDynamoDb.createInvoiceGroupsTable(dynamoDb, tableName);
        Map<String, String> environment = new HashMap<>(Map.of(
                "TABLE_NAME", tableName,
                "AWS_REGION", "us-east-1",
                "DYNAMODB_ENDPOINT", endpoint.toString()));
        environment.putAll(moreEnvironment);
        Configuration configuration = Configuration.from(environment);
        return new InvoiceGroupsApi(dynamoDb, tableName,
                ListInvoiceGroupsHandler.create(configuration, DynamoDbClients.create(configuration)));
    }

    /** On the shared in-memory DynamoDB Local. */
    public static InvoiceGroupsApi onDynamoDbLocal() {
        EmbeddedDynamoDb dynamoDbLocal = DynamoDbLocal.shared();
        return create(dynamoDbLocal.endpoint(), dynamoDbLocal.newClient());
    }

    public String tableName() {
        return tableName;
    }

    /** Stores invoice groups for a tenant, 25 a batch, retrying what DynamoDB leaves unprocessed. */
    public void seed(String tenant, Collection<InvoiceGroup> groups) {
        putItems(groups.stream().map(group -> InvoiceGroupTableSchema.item(tenant, group)).toList());
    }

    /** Stores DynamoDB items as they are, with the low-level API (as the platform's other writers would). */
    public void putItems(Collection<Map<String, AttributeValue>> items) {
        List<WriteRequest> writes = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(from + 25, writes.size()));
            Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
            while (!pending.isEmpty()) {
                BatchWriteItemResponse response =
                        dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                pending = response.unprocessedItems();
            }
        }
    }

    /** GET /invoice_groups?rawQuery for {@code tenant}. */
    public Response list(String tenant, String rawQuery) {
        return call(Events.list(tenant, rawQuery));
    }

    public Response call(APIGatewayProxyRequestEvent event) {
        return call(event, new LocalLambdaContext());
    }

    public Response call(APIGatewayProxyRequestEvent event, LocalLambdaContext context) {
        APIGatewayProxyResponseEvent answer = handler.handleRequest(event, context);
        Response response = new Response(answer.getStatusCode(), answer.getHeaders(), answer.getBody());
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        return OpenApiContract.assertConforms(response);
    }

    /** Walks every page for {@code tenant}, returning each page's ids; fails on an empty page after the first. */
    public List<List<String>> walk(String tenant, int pageSize, String sortOrder) {
        List<List<String>> pages = new ArrayList<>();
        String query = "pageSize=" + pageSize + "&sortOrder=" + sortOrder;
        while (true) {
            Response page = list(tenant, query);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            page.json().get("data").forEach(item -> ids.add(item.get("id").asString()));
            pages.add(ids);
            String nextToken = page.nextToken();
            if (nextToken == null) {
                return pages;
            }
            assertThat(ids).as("a page followed by a nextToken is never empty").isNotEmpty();
            query = "nextToken=" + nextToken + "&pageSize=" + pageSize;
        }
    }
}
