package invoicegroups.local.gateway;

import invoicegroups.lambdacontext.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import invoicegroups.local.apigateway.UsagePlanGate;
import invoicegroups.local.apigateway.UsagePlanGate.Admission;
import invoicegroups.local.gateway.AuthorizerDecision.Allowed;
import invoicegroups.local.gateway.AuthorizerDecision.Refused;
import invoicegroups.local.gateway.ProxyEvents.RequestIds;
import invoicegroups.local.server.HttpReply;
import invoicegroups.local.server.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API as the stack's REST API serves it: the one method {@code GET /invoice_groups} behind the Lambda TOKEN
 * authorizer ({@link LambdaAuthorizer}, its results kept by {@link AuthorizerCache}), then the usage plan of the API
 * key the authorizer returned ({@link UsagePlanGate}: the method requires an API key, whose source is the
 * authorizer), then the payload 1.0 event to the Lambda handler, called in-process, and its response mapped back to
 * HTTP. API Gateway's own answers are the stack's gateway responses: 401 {"message":"Unauthorized"}, 403
 * {"message":"Forbidden"} (a Deny, or a key in no usage plan), 429 {"message":"Too Many Requests"} (the key's
 * throttle), 429 {"message":"Limit Exceeded"} (its quota), 500 for a failed authorizer and, for any other route or
 * method, 404 {"message":"Not Found"}. Every answer carries {@code x-amzn-RequestId} and {@code x-amz-apigw-id}, as a
 * REST API's do. A request refused at the edge never reaches the handler.
 */
public final class RestApiFront {

    public static final String PATH = "/invoice_groups";
    public static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
    public static final String NOT_FOUND = "{\"message\":\"Not Found\"}";
    private static final String INTERNAL_SERVER_ERROR = "{\"message\":\"Internal server error\"}";

    private final AuthorizerCache authorizer;
    private final UsagePlanGate usagePlans;
    private final ProxyEvents events = new ProxyEvents();
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler;
    private final Clock clock;

    public RestApiFront(AuthorizerCache authorizer, UsagePlanGate usagePlans,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler, Clock clock) {
        this.authorizer = authorizer;
        this.usagePlans = usagePlans;
        this.handler = handler;
        this.clock = clock;
    }

    /** Any request the runner does not serve otherwise: API Gateway's 404, with its request ids. */
    public HttpReply notFound(HttpRequest request) {
        return identify(HttpReply.json(404, NOT_FOUND), events.newRequestIds());
    }

    /** @return the answer to send */
    public HttpReply handle(HttpRequest exchange) {
        if (!exchange.method().equals("GET")) {
            return notFound(exchange);
        }
        Instant now = clock.instant();
        RequestIds ids = events.newRequestIds();
        AuthorizerDecision decision = authorizer.authorize(exchange.header("Authorization"));
        if (decision instanceof Refused refused) {
            return identify(HttpReply.json(refused.status(), refused.body()), ids);
        }
        Admission admission = usagePlans.admit(((Allowed) decision).usageIdentifierKey());
        if (admission != Admission.ADMITTED) {
            return identify(HttpReply.json(admission.status(), admission.body()), ids);
        }
        LocalRequest request = new LocalRequest(
                exchange.method(),
                exchange.rawPath(),
                exchange.rawQuery(),
                exchange.headers(),
                exchange.protocol(),
                exchange.sourceIp(),
                exchange.body());
        APIGatewayProxyRequestEvent event = events.event(PATH, request, (Allowed) decision, ids, now);
        APIGatewayProxyResponseEvent response;
        try {
            response = handler.handleRequest(event, LocalLambdaContext.toStandardError(ids.requestId()));
        } catch (RuntimeException e) {
            // API Gateway answers an integration that failed with a bare 502; the stack's handler never throws.
            e.printStackTrace();
            response = null;
        }
        if (response == null || response.getStatusCode() == null || response.getStatusCode() < 100) {
            return identify(HttpReply.json(502, INTERNAL_SERVER_ERROR), ids);
        }
        return identify(new HttpReply(response.getStatusCode(), headers(response), body(response)), ids);
    }

    private static HttpReply identify(HttpReply reply, RequestIds ids) {
        return reply.with("x-amzn-RequestId", ids.requestId()).with("x-amz-apigw-id", ids.apigwId());
    }

    private static Map<String, List<String>> headers(APIGatewayProxyResponseEvent response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.put(name, new ArrayList<>(List.of(value))));
        }
        return headers;
    }

    private static byte[] body(APIGatewayProxyResponseEvent response) {
        if (response.getBody() == null) {
            return new byte[0];
        }
        return Boolean.TRUE.equals(response.getIsBase64Encoded())
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
