package invoicegroups.local.gateway;

import java.util.Map;

/** What the Cognito authorizer decided about a request: let it through with the token's claims, or refuse it. */
public sealed interface AuthorizerDecision {

    /** @param claims every claim of the verified token, each as a string, as API Gateway hands them on */
    record Allowed(Map<String, String> claims) implements AuthorizerDecision {
    }

    /** @param reason why, for the runner's console (API Gateway's answer itself says only "Unauthorized") */
    record Refused(String reason) implements AuthorizerDecision {
    }
}
