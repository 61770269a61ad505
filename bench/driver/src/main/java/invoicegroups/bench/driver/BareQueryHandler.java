package invoicegroups.bench.driver;

import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.DynamoDbClients;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.table.AuthorizerContext;
import invoicegroups.table.InvoiceGroupsTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SDK's own cold floor, run from the function jar: the function's DynamoDB client (same configuration, HTTP
 * client and credentials) and one bare Query of the caller's page, answered with the item count. No enhanced client,
 * no mapping, no JSON. What any handler on the AWS SDK for Java v2 pays at least.
 */
public final class BareQueryHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final Configuration configuration = Configuration.fromEnvironment();
    private final DynamoDbClient dynamoDb = DynamoDbClients.create(configuration);

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String tenant = (String) event.getRequestContext().getAuthorizer().get(AuthorizerContext.TENANT_ID);
        int pageSize = Integer.parseInt(event.getQueryStringParameters().getOrDefault("pageSize", "20"));
        int count = dynamoDb.query(query -> query
                .tableName(configuration.tableName())
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", InvoiceGroupsTable.PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(tenant)))
                .limit(pageSize + 1)).count();
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent();
        response.setStatusCode(200);
        response.setBody("{\"count\":" + count + "}");
        return response;
    }
}
