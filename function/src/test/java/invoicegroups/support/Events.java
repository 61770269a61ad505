package invoicegroups.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import invoicegroups.table.AuthorizerContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        Map<String, List<String>> multiValue = multiValueQueryStringParameters(rawQuery);
        return new APIGatewayProxyRequestEvent()
                .withResource("/invoice_groups")
                .withPath("/invoice_groups")
                .withHttpMethod("GET")
                .withHeaders(Map.of("Accept", "application/json"))
                .withMultiValueHeaders(Map.of("Accept", List.of("application/json")))
                .withQueryStringParameters(lastValues(multiValue))
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

    /**
     * As API Gateway does: decoded names and values, every value of a repeated parameter in order; none (null) when
     * the query string is empty.
     */
    static Map<String, List<String>> multiValueQueryStringParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** {@code queryStringParameters}: the last value of each parameter. */
    static Map<String, String> lastValues(Map<String, List<String>> multiValue) {
        if (multiValue == null) {
            return null;
        }
        Map<String, String> last = new HashMap<>();
        multiValue.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
        return last;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
