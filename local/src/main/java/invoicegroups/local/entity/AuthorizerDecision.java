package invoicegroups.local.entity;

import java.util.List;
import java.util.Map;

/** What the JWT authorizer decided about a request: let it through with the token's claims, or refuse it. */
public sealed interface AuthorizerDecision {

    /**
     * @param claims every claim of the verified token, each as a string, as API Gateway hands them on
     * @param scopes the token's scopes
     */
    record Allowed(Map<String, String> claims, List<String> scopes) implements AuthorizerDecision {
    }

    /**
     * @param status 401 or 403
     * @param message the body's message, {@code Unauthorized} or {@code Forbidden}
     * @param wwwAuthenticate the challenge API Gateway sends with the refusal
     */
    record Refused(int status, String message, String wwwAuthenticate) implements AuthorizerDecision {
    }
}
