package invoicegroups.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import invoicegroups.local.gateway.AuthorizerDecision.Allowed;
import invoicegroups.lambdacontext.QueryStrings;
import invoicegroups.table.LocalRunner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the payload format 1.0 event a REST API's Lambda proxy integration sends, from the real request: resource,
 * path and method; headers as received ({@code headers} the last value of each, {@code multiValueHeaders} all);
 * decoded query parameters likewise; and the request context with the request ids, the stage, the caller's address
 * and the Lambda authorizer's decision in {@code authorizer}: its {@code principalId}, its context's keys and
 * {@code integrationLatency}.
 */
public final class ProxyEvents {

    /** API Gateway's {@code requestContext.requestTime} format, e.g. {@code 24/Nov/2026:17:30:00 +0000}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String ACCOUNT_ID = "000000000000";
    private static final String RESOURCE_ID = "local0";

    private final SecureRandom random = new SecureRandom();

    /** A request's ids: {@code x-amzn-RequestId} (a UUID) and {@code x-amz-apigw-id} (16 characters of base64). */
    public record RequestIds(String requestId, String apigwId) {
    }

    /** The method's ARN as API Gateway hands it to an authorizer ({@code arn:aws:execute-api:...:local/local/GET/invoice_groups}). */
    public static String methodArn(String httpMethod, String resource) {
        return "arn:aws:execute-api:" + LocalRunner.REGION + ":" + ACCOUNT_ID + ":" + LocalRunner.REST_API_ID + "/" + LocalRunner.STAGE + "/" + httpMethod
                + resource;
    }

    public RequestIds newRequestIds() {
        byte[] bytes = new byte[11];
        random.nextBytes(bytes);
        return new RequestIds(UUID.randomUUID().toString(),
                Base64.getEncoder().encodeToString(bytes).substring(0, 15) + "=");
    }

    public APIGatewayProxyRequestEvent event(
            String resource, LocalRequest request, Allowed authorizer, RequestIds ids, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            multiValueHeaders.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            if (!values.isEmpty()) {
                headers.put(name, values.get(values.size() - 1));
            }
        });
        Map<String, List<String>> multiValueQuery = QueryStrings.multiValue(request.rawQueryString());
        Map<String, String> query = QueryStrings.lastValues(multiValueQuery);
        String path = QueryStrings.decode(request.rawPath());
        String host = firstHeader(request.headers(), "Host");
        ProxyRequestContext context = new ProxyRequestContext()
                .withAccountId(ACCOUNT_ID)
                .withApiId(LocalRunner.REST_API_ID)
                .withResourceId(RESOURCE_ID)
                .withResourcePath(resource)
                .withHttpMethod(request.method())
                .withStage(LocalRunner.STAGE)
                .withPath("/" + LocalRunner.STAGE + path)
                .withProtocol(request.protocol())
                .withRequestId(ids.requestId())
                .withExtendedRequestId(ids.apigwId())
                .withRequestTime(TIME.format(now))
                .withRequestTimeEpoch(now.toEpochMilli())
                .withDomainName(host == null ? "localhost" : host)
                .withDomainPrefix(host == null ? "localhost" : host.split("[.:]")[0])
                .withIdentity(new RequestIdentity()
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(firstHeader(request.headers(), "User-Agent")));
        context.setAuthorizer(authorizerContext(authorizer));
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withResource(resource)
                .withPath(path)
                .withHttpMethod(request.method())
                .withHeaders(headers)
                .withMultiValueHeaders(multiValueHeaders)
                .withQueryStringParameters(query)
                .withMultiValueQueryStringParameters(multiValueQuery)
                .withRequestContext(context)
                .withIsBase64Encoded(false);
        if (request.body().length > 0) {
            // A proxy integration without binary media types passes the body on as text; the list route expects none.
            event.setBody(new String(request.body(), StandardCharsets.UTF_8));
        }
        return event;
    }

    /** {@code requestContext.authorizer} behind a Lambda authorizer: principal, context keys, integration latency. */
    static Map<String, Object> authorizerContext(Allowed authorizer) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("principalId", authorizer.principalId());
        values.putAll(authorizer.context());
        values.put("integrationLatency", authorizer.integrationLatencyMillis());
        return values;
    }


    private static String firstHeader(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
                .map(header -> header.getValue().get(0))
                .findFirst().orElse(null);
    }
}
