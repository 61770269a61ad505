package invoicegroups.local.boundary;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import invoicegroups.local.control.HttpApiEvents;
import invoicegroups.local.control.JwtAuthorizer;
import invoicegroups.local.control.LocalLambdaContext;
import invoicegroups.local.entity.AuthorizerDecision;
import invoicegroups.local.entity.AuthorizerDecision.Allowed;
import invoicegroups.local.entity.AuthorizerDecision.Refused;
import invoicegroups.local.entity.LocalRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The route {@code GET /invoice_groups} as API Gateway's HTTP API serves it: the JWT authorizer first, then the
 * payload 2.0 event to the Lambda handler, called in-process, and its response mapped back to HTTP.
 */
final class HttpApiFront {

    static final String PATH = "/invoice_groups";
    static final String ROUTE_KEY = "GET " + PATH;
    private static final String INTERNAL_SERVER_ERROR = "{\"message\":\"Internal Server Error\"}";

    private final JwtAuthorizer authorizer;
    private final HttpApiEvents events;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final Clock clock;

    HttpApiFront(JwtAuthorizer authorizer, HttpApiEvents events,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, Clock clock) {
        this.authorizer = authorizer;
        this.events = events;
        this.handler = handler;
        this.clock = clock;
    }

    /** @return the status sent */
    int handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            Replies.notFound(exchange);
            return 404;
        }
        Instant now = clock.instant();
        String requestId = events.newRequestId();
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        AuthorizerDecision decision = authorizer.authorize(exchange.getRequestHeaders().getFirst("Authorization"));
        if (decision instanceof Refused refused) {
            exchange.getResponseHeaders().set("WWW-Authenticate", refused.wwwAuthenticate());
            Replies.json(exchange, refused.status(), "{\"message\":\"" + refused.message() + "\"}");
            return refused.status();
        }
        LocalRequest request = new LocalRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                rawQueryString(exchange),
                exchange.getRequestHeaders(),
                exchange.getProtocol(),
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getRequestBody().readAllBytes());
        APIGatewayV2HTTPEvent event = events.event(ROUTE_KEY, request, (Allowed) decision, requestId, now);
        APIGatewayV2HTTPResponse response;
        try {
            response = handler.handleRequest(event, new LocalLambdaContext(requestId));
        } catch (RuntimeException e) {
            // API Gateway answers an integration that failed with a bare 500.
            e.printStackTrace();
            response = null;
        }
        if (response == null || response.getStatusCode() < 100) {
            Replies.json(exchange, 500, INTERNAL_SERVER_ERROR);
            return 500;
        }
        Replies.send(exchange, response.getStatusCode(), headers(response), body(response));
        return response.getStatusCode();
    }

    private static String rawQueryString(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? "" : raw;
    }

    private static Map<String, List<String>> headers(APIGatewayV2HTTPResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.put(name, new ArrayList<>(List.of(value))));
        }
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            headers.put("Set-Cookie", List.copyOf(response.getCookies()));
        }
        return headers;
    }

    private static byte[] body(APIGatewayV2HTTPResponse response) {
        if (response.getBody() == null) {
            return new byte[0];
        }
        return response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
