package invoicegroups.local.control;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import invoicegroups.local.entity.AuthorizerDecision.Allowed;
import invoicegroups.local.entity.LocalRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the payload format 2.0 event API Gateway's HTTP API hands a Lambda integration, from the real request: raw
 * path and query string, decoded query parameters with repeats joined by commas, lower-cased headers with repeats
 * joined by commas, cookies apart, request id and time, and the authorizer's claims and scopes.
 */
public final class HttpApiEvents {

    /** API Gateway's {@code requestContext.time} format, e.g. {@code 24/Nov/2026:17:30:00 +0000}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String ACCOUNT_ID = "000000000000";
    private static final String API_ID = "local";

    private final SecureRandom random = new SecureRandom();

    /** A request id in API Gateway's shape: 16 characters of base64. */
    public String newRequestId() {
        byte[] bytes = new byte[11];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).substring(0, 15) + "=";
    }

    public APIGatewayV2HTTPEvent event(
            String routeKey, LocalRequest request, Allowed authorizer, String requestId, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (lowerCase.equals("cookie")) {
                values.forEach(value -> Arrays.stream(value.split(";"))
                        .map(String::strip).filter(cookie -> !cookie.isEmpty()).forEach(cookies::add));
            } else {
                headers.merge(lowerCase, String.join(",", values), (first, more) -> first + "," + more);
            }
        });
        String host = headers.getOrDefault("host", "localhost");
        RequestContext context = RequestContext.builder()
                .withAccountId(ACCOUNT_ID)
                .withApiId(API_ID)
                .withAuthorizer(RequestContext.Authorizer.builder()
                        .withJwt(RequestContext.Authorizer.JWT.builder()
                                .withClaims(authorizer.claims())
                                .withScopes(authorizer.scopes())
                                .build())
                        .build())
                .withDomainName(host)
                .withDomainPrefix(host.split("[.:]")[0])
                .withHttp(RequestContext.Http.builder()
                        .withMethod(request.method())
                        .withPath(decode(request.rawPath()))
                        .withProtocol(request.protocol())
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(headers.get("user-agent"))
                        .build())
                .withRequestId(requestId)
                .withRouteKey(routeKey)
                .withStage("$default")
                .withTime(TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQueryString())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryStringParameters(request.rawQueryString()))
                .withRequestContext(context)
                .build();
        if (request.body().length > 0) {
            // API Gateway base64-encodes bodies it does not know to be text; the list route expects none.
            event.setBody(Base64.getEncoder().encodeToString(request.body()));
            event.setIsBase64Encoded(true);
        }
        return event;
    }

    /** Decoded names and values; a repeated name's values joined by commas, in order; {@code null} when none. */
    static Map<String, String> queryStringParameters(String rawQueryString) {
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, more) -> first + "," + more);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return raw;
        }
    }
}
