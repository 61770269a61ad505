package invoicegroups.boundary;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.control.NextTokenCodec;
import invoicegroups.entity.PagePosition;
import invoicegroups.entity.SortOrder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, runs one whole request through a second
 * handler built exactly like the real one, so that the snapshot holds the request path loaded, initialised and
 * compiled: event parsing, the tenant claim, the token codec (a {@code nextToken} in, a new one out), the enhanced
 * client's query, SDK marshalling, endpoint resolution and SigV4 signing, response unmarshalling, the table schema's
 * mapping and the JSON writer.
 *
 * <p>Nothing reaches DynamoDB and nothing of the snapshot outlives it: the priming client's HTTP client answers
 * in-process with one made-up page of a made-up tenant, it signs with placeholder credentials (the function's own are
 * never resolved, so none are in the snapshot), opens no connection, and is closed afterwards. The function's own
 * client is not touched.
 */
public final class SnapStartPriming implements Resource {

    /** A tenant id no caller can hold: the priming page belongs to nobody. */
    static final String TENANT = "snapstart-priming";
    private static final StaticCredentialsProvider PLACEHOLDER_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("snapstart-priming", "snapstart-priming"));
    /** A DynamoDB Query response of two made-up items, every attribute type the schema maps. */
    private static final String CANNED_QUERY_RESPONSE = """
            {"Count":2,"ScannedCount":2,"Items":[%s,%s]}""".formatted(item(1), item(2));

    private final Configuration configuration;

    public SnapStartPriming(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        APIGatewayProxyResponseEvent response = prime();
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("SnapStart priming answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: priming kept no connection, credentials or random state.
    }

    /** Runs the priming request; the response it returns is the made-up page, written as the API writes it. */
    APIGatewayProxyResponseEvent prime() {
        try (DynamoDbClient unsent = DynamoDbClients.create(configuration, new CannedQueryResponses(),
                PLACEHOLDER_CREDENTIALS)) {
            ListInvoiceGroupsHandler handler = new ListInvoiceGroupsHandler(configuration, unsent);
            return handler.handleRequest(event(), null);
        }
    }

    /** A second-page request of the made-up tenant, page size 1, so a nextToken is both read and written. */
    private APIGatewayProxyRequestEvent event() {
        String nextToken = new NextTokenCodec(NextTokenCodec.strictJsonFactory())
                .encode(new PagePosition("ig_priming_0", 1, SortOrder.ASC));
        // As the REST API's Cognito authorizer hands them over: requestContext.authorizer.claims, strings.
        APIGatewayProxyRequestEvent.ProxyRequestContext requestContext =
                new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withHttpMethod("GET")
                        .withResourcePath("/invoice_groups");
        requestContext.setAuthorizer(Map.of("claims", Map.of(configuration.tenantClaim(), TENANT)));
        return new APIGatewayProxyRequestEvent()
                .withResource("/invoice_groups")
                .withPath("/invoice_groups")
                .withHttpMethod("GET")
                .withRequestContext(requestContext)
                .withQueryStringParameters(Map.of("pageSize", "1", "nextToken", nextToken))
                .withMultiValueQueryStringParameters(
                        Map.of("pageSize", List.of("1"), "nextToken", List.of(nextToken)));
    }

    private static String item(int number) {
        return """
                {"id":{"S":"ig_priming_%d"},"name":{"S":"Priming"},"email":{"S":"priming@example.invalid"},\
                "dailyInvoiceConsolidation":{"BOOL":true},"netTermDays":{"N":"30"},"invoiceCurrency":{"S":"EUR"},\
                "billingAddress":{"M":{"line1":{"S":"1 Example Street"},"city":{"S":"Example"},"country":{"S":"DE"}}},\
                "accountsCount":{"N":"1"},"createdAt":{"S":"2026-01-01T00:00:00Z"},\
                "updatedAt":{"S":"2026-01-02T00:00:00Z"}}""".formatted(number);
    }

    /** An HTTP client that sends nothing: every request gets the canned Query response. */
    static final class CannedQueryResponses implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    byte[] body = CANNED_QUERY_RESPONSE.getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", Integer.toString(body.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
