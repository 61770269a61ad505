package invoicegroups.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) events: read from {@code events/}, or built the way API Gateway builds them. */
public final class Events {

    /** The repository's sample events, relative to the function module. */
    public static final Path SAMPLES = Path.of("..", "events");

    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, Events.class.getClassLoader());

    private Events() {
    }

    /** Reads a sample event with the serializer the Lambda Java runtime uses. */
    public static APIGatewayV2HTTPEvent sample(String fileName) {
        try (InputStream in = Files.newInputStream(SAMPLES.resolve(fileName))) {
            return SERIALIZER.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET /invoice_groups?rawQuery} by a caller whose verified token carries these claims. */
    public static APIGatewayV2HTTPEvent list(String rawQuery, Map<String, String> claims) {
        APIGatewayV2HTTPEvent event = withoutAuthorizer(rawQuery);
        event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(claims)
                        .withScopes(List.of("invoice-groups/read"))
                        .build())
                .build());
        return event;
    }

    /** {@code GET /invoice_groups?rawQuery} for tenant {@code tenant} (claim {@code tenant_id}). */
    public static APIGatewayV2HTTPEvent list(String tenant, String rawQuery) {
        return list(rawQuery, Map.of("tenant_id", tenant, "scope", "invoice-groups/read", "token_use", "access"));
    }

    /** An event as if no authorizer had run. */
    public static APIGatewayV2HTTPEvent withoutAuthorizer(String rawQuery) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /invoice_groups")
                .withRawPath("/invoice_groups")
                .withRawQueryString(rawQuery)
                .withQueryStringParameters(queryStringParameters(rawQuery))
                .withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey("GET /invoice_groups")
                        .withStage("$default")
                        .withRequestId("test-request")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").withPath("/invoice_groups").withProtocol("HTTP/1.1").build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
    }

    /** As API Gateway does: decoded names and values, repeated parameters joined with commas, none when empty. */
    static Map<String, String> queryStringParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return new HashMap<>(parameters);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
