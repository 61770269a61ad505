package tutorial;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The benchmark's baseline: the handler as tutorials write it. {@code TableSchema.fromBean}, the default client
 * builder (default HTTP client, region and credentials from the default chains), a default {@code ObjectMapper}.
 * Same query (limit pageSize + 1 on the tenant's partition), same data, same response body as the function.
 */
public class TutorialHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DynamoDbTable<InvoiceGroupBean> table;

    public TutorialHandler() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder();
        String endpoint = System.getenv("DYNAMODB_ENDPOINT");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(builder.build()).build();
        table = enhanced.table(System.getenv("TABLE_NAME"), TableSchema.fromBean(InvoiceGroupBean.class));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try {
            String tenant = (String) event.getRequestContext().getAuthorizer().get("tenantId");
            Map<String, String> parameters = event.getQueryStringParameters() == null
                    ? Map.of() : event.getQueryStringParameters();
            int pageSize = Integer.parseInt(parameters.getOrDefault("pageSize", "20"));
            String sortOrder = parameters.getOrDefault("sortOrder", "asc");

            QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(tenant).build()))
                    .scanIndexForward("asc".equals(sortOrder))
                    .limit(pageSize + 1);
            if (parameters.containsKey("nextToken")) {
                Map<?, ?> token = MAPPER.readValue(Base64.getUrlDecoder().decode(parameters.get("nextToken")), Map.class);
                query.exclusiveStartKey(Map.of(
                        "tenantId", AttributeValue.fromS(tenant),
                        "id", AttributeValue.fromS((String) token.get("lastItemId"))));
            }
            List<InvoiceGroupBean> items = new ArrayList<>();
            for (Page<InvoiceGroupBean> page : table.query(query.build())) {
                items.addAll(page.items());
                if (items.size() > pageSize) {
                    break;
                }
            }

            Map<String, Object> body = new LinkedHashMap<>();
            List<Map<String, Object>> data = new ArrayList<>();
            for (InvoiceGroupBean item : items.subList(0, Math.min(pageSize, items.size()))) {
                data.add(toJson(item));
            }
            body.put("data", data);
            if (items.size() > pageSize) {
                Map<String, Object> next = new LinkedHashMap<>();
                next.put("lastItemId", items.get(pageSize - 1).getId());
                next.put("pageSize", pageSize);
                next.put("sortOrder", sortOrder);
                body.put("nextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(MAPPER.writeValueAsBytes(next)));
            }
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(MAPPER.writeValueAsString(body));
        } catch (Exception e) {
            return new APIGatewayProxyResponseEvent().withStatusCode(500).withBody("{\"message\":\"Internal Server Error\"}");
        }
    }

    private static Map<String, Object> toJson(InvoiceGroupBean item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.getId());
        putIfPresent(json, "name", item.getName());
        putIfPresent(json, "email", item.getEmail());
        json.put("dailyInvoiceConsolidation", Boolean.TRUE.equals(item.getDailyInvoiceConsolidation()));
        putIfPresent(json, "netTermDays", item.getNetTermDays());
        putIfPresent(json, "invoiceCurrency", item.getInvoiceCurrency());
        Map<String, Object> address = new LinkedHashMap<>();
        AddressBean billing = item.getBillingAddress();
        if (billing != null) {
            putIfPresent(address, "phoneNumber", billing.getPhoneNumber());
            putIfPresent(address, "line1", billing.getLine1());
            putIfPresent(address, "line2", billing.getLine2());
            putIfPresent(address, "postalCode", billing.getPostalCode());
            putIfPresent(address, "city", billing.getCity());
            putIfPresent(address, "state", billing.getState());
            putIfPresent(address, "country", billing.getCountry());
        }
        json.put("billingAddress", address);
        json.put("accountsCount", item.getAccountsCount() == null ? 0 : item.getAccountsCount());
        putIfPresent(json, "createdAt", item.getCreatedAt() == null ? null : item.getCreatedAt().toString());
        putIfPresent(json, "updatedAt", item.getUpdatedAt() == null ? null : item.getUpdatedAt().toString());
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
