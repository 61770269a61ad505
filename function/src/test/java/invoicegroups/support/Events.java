package invoicegroups.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import invoicegroups.lambdacontext.QueryStrings;
import invoicegroups.table.AuthorizerContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway REST API Lambda proxy events (payload format 1.0): read from {@code events/}, or built the way API
 * Gateway builds them behind the Lambda authorizer: its {@code principalId}, its context and the
 * {@code integrationLatency} in {@code requestContext.authorizer}.
 */
public final class Events {

    /** The repository's sample events, relative to the function module. */
    public static final Path SAMPLES = Path.of("..", "events");

    private static final PojoSerializer<APIGatewayProxyRequestEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, Events.class.getClassLoader());

    private Events() {
    }

    /** Reads a sample event with the serializer the Lambda Java runtime uses. */
    public static APIGatewayProxyRequestEvent sample(String fileName) {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(fileName))) {
            return SERIALIZER.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app client of the events the tests build. */
    public static final String CLIENT_ID = "3n4b5urk1ft4fl3mg5e62d9ado";

    /** {@code GET /invoice_groups?rawQuery} for tenant {@code tenant}, as the authorizer allowed it. */
    public static APIGatewayProxyRequestEvent list(String tenant, String rawQuery) {
        return withAuthorizer(rawQuery, authorizer(tenant));
    }

    /**
     * {@code requestContext.authorizer} as a REST API fills it for a Lambda authorizer's Allow: {@code principalId},
     * the context {@code {tenantId, clientId, plan}} and {@code integrationLatency} (the authorizer's milliseconds).
     */
    public static Map<String, Object> authorizer(Object tenantId) {
        Map<String, Object> authorizer = new HashMap<>();
        authorizer.put("principalId", CLIENT_ID);
        authorizer.put(AuthorizerContext.TENANT_ID, tenantId);
        authorizer.put(AuthorizerContext.CLIENT_ID, CLIENT_ID);
        authorizer.put(AuthorizerContext.PLAN, "standard");
        authorizer.put("integrationLatency", 412);
        return authorizer;
    }

    /** {@code GET /invoice_groups?rawQuery} with this {@code requestContext.authorizer}, whatever its shape. */
    public static APIGatewayProxyRequestEvent withAuthorizer(String rawQuery, Map<String, Object> authorizer) {
        APIGatewayProxyRequestEvent event = withoutAuthorizer(rawQuery);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    /** An event as if no authorizer had run. */
    public static APIGatewayProxyRequestEvent withoutAuthorizer(String rawQuery) {
        Map<String, List<String>> multiValue = QueryStrings.multiValue(rawQuery);
        return new APIGatewayProxyRequestEvent()
                .withResource("/invoice_groups")
                .withPath("/invoice_groups")
                .withHttpMethod("GET")
                .withHeaders(Map.of("Accept", "application/json"))
                .withMultiValueHeaders(Map.of("Accept", List.of("application/json")))
                .withQueryStringParameters(QueryStrings.lastValues(multiValue))
                .withMultiValueQueryStringParameters(multiValue)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withResourcePath("/invoice_groups")
                        .withHttpMethod("GET")
                        .withPath("/prod/invoice_groups")
                        .withStage("prod")
                        .withRequestId("test-request")
                        .withProtocol("HTTP/1.1"))
                .withIsBase64Encoded(false);
    }
}
