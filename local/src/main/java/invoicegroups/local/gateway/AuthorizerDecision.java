package invoicegroups.local.gateway;

import java.util.Map;

/** What the Lambda authorizer decided about a request, as API Gateway acts on it: let it through, or answer itself. */
public sealed interface AuthorizerDecision {

    /**
     * The integration runs; these go into the proxy event's {@code requestContext.authorizer}.
     *
     * @param principalId the authorizer's {@code principalId}
     * @param context the authorizer's {@code context} (string values)
     * @param integrationLatencyMillis how long the authorizer took, as API Gateway reports it
     */
    record Allowed(String principalId, Map<String, Object> context, long integrationLatencyMillis)
            implements AuthorizerDecision {
    }

    /**
     * API Gateway answers instead of the integration.
     *
     * @param status 401 (the authorizer said {@code Unauthorized}, or no token), 403 (a Deny policy) or 500 (the
     *        authorizer failed)
     * @param body the gateway response's {@code {"message": ...}}
     */
    record Refused(int status, String body) implements AuthorizerDecision {
    }
}
