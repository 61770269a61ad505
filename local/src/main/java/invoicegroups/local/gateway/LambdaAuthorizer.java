package invoicegroups.local.gateway;

import invoicegroups.authorizer.TokenAuthorizer;
import invoicegroups.authorizer.UnauthorizedException;
import invoicegroups.local.gateway.AuthorizerDecision.Allowed;
import invoicegroups.local.gateway.AuthorizerDecision.Refused;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stack's REST API does with its Lambda TOKEN authorizer before the integration runs: no
 * {@code Authorization} header, 401 without calling it; otherwise it calls the authorizer
 * ({@link TokenAuthorizer}, the class Lambda runs, in-process) with a TOKEN event and acts on the answer: the error
 * {@code Unauthorized} is 401, a Deny policy 403, any other failure 500, an Allow lets the request through with the
 * authorizer's principal, context and usage identifier key. Every refusal is shaped as the stack's gateway responses
 * ({@code {"message": ...}}). {@link AuthorizerCache} keeps its results as API Gateway's authorizer cache does.
 */
public final class LambdaAuthorizer {

    public static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
    public static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";
    public static final String INTERNAL_SERVER_ERROR = "{\"message\":\"Internal Server Error\"}";

    private final TokenAuthorizer authorizer;
    private final String methodArn;

    /** @param resource the method's resource path, e.g. {@code /invoice_groups} */
    public LambdaAuthorizer(TokenAuthorizer authorizer, String httpMethod, String resource) {
        this.authorizer = authorizer;
        this.methodArn = ProxyEvents.methodArn(httpMethod, resource);
    }

    /** @param authorization the request's Authorization header, or {@code null} when it had none */
    public AuthorizerDecision authorize(String authorization) {
        if (authorization == null || authorization.isEmpty()) {
            // A TOKEN authorizer's identity source is required: API Gateway answers 401 without invoking it.
            return new Refused(401, UNAUTHORIZED);
        }
        Map<String, Object> event = new HashMap<>();
        event.put("type", "TOKEN");
        event.put("authorizationToken", authorization);
        event.put("methodArn", methodArn);
        long started = System.nanoTime();
        Map<String, Object> answer;
        try {
            answer = authorizer.handleRequest(event);
        } catch (UnauthorizedException e) {
            return new Refused(401, UNAUTHORIZED);
        } catch (RuntimeException e) {
            // API Gateway's AUTHORIZER_FAILURE; the cause goes to the authorizer's own log, not to the caller.
            return new Refused(500, INTERNAL_SERVER_ERROR);
        }
        long latency = (System.nanoTime() - started) / 1_000_000;
        if (!"Allow".equals(effect(answer))) {
            return new Refused(403, FORBIDDEN);
        }
        Map<String, Object> context = answer.get("context") instanceof Map<?, ?> map
                ? new LinkedHashMap<>(stringKeys(map)) : Map.of();
        return new Allowed((String) answer.get("principalId"), context, latency,
                answer.get("usageIdentifierKey") instanceof String key ? key : null);
    }

    /** The one statement's effect on this method; anything else (no statement, another resource) is not an Allow. */
    private String effect(Map<String, Object> answer) {
        if (answer.get("policyDocument") instanceof Map<?, ?> document
                && document.get("Statement") instanceof List<?> statements && statements.size() == 1
                && statements.get(0) instanceof Map<?, ?> statement
                && methodArn.equals(statement.get("Resource"))
                && "execute-api:Invoke".equals(statement.get("Action"))) {
            return String.valueOf(statement.get("Effect"));
        }
        return "Deny";
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
