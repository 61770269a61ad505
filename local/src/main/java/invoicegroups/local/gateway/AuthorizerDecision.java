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
     * @param usageIdentifierKey the API key value the authorizer returned, which the usage plans meter; {@code null}
     *     when it returned none
     */
    record Allowed(String principalId, Map<String, Object> context, long integrationLatencyMillis,
            String usageIdentifierKey) implements AuthorizerDecision {

        /** Without a usage identifier key. */
        public Allowed(String principalId, Map<String, Object> context, long integrationLatencyMillis) {
            this(principalId, context, integrationLatencyMillis, null);
        }
    }

    /**
     * API Gateway answers instead of the integration.
     *
     * @param status 401 (the authorizer said {@code Unauthorized}, or no token), 403 (a Deny policy) or 500 (the
     *        authorizer failed)
     * @param body the gateway response's {@code {"message": ...}}
     */
    record Refused(int status, String body) implements AuthorizerDecision {

        /** Whether the authorizer answered with a policy (a Deny), which API Gateway caches like an Allow. */
        public boolean isPolicy() {
            return status == 403;
        }
    }
}
