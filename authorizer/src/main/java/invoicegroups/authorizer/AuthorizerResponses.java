package invoicegroups.authorizer;

import invoicegroups.authorizer.Decision.Allow;
import invoicegroups.table.AuthorizerContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda authorizer's output as API Gateway reads it ("Output from an API Gateway Lambda authorizer"):
 * {@code principalId}, a policy document allowing or denying {@code execute-api:Invoke} on the method, the
 * {@code context} (string values only) and, for an Allow, {@code usageIdentifierKey}: the tenant's API key, which
 * the REST API (API key source {@code AUTHORIZER}) meters against that key's usage plan.
 */
final class AuthorizerResponses {

    static final String ALLOW = "Allow";
    static final String DENY = "Deny";

    private AuthorizerResponses() {
    }

    static Map<String, Object> allow(Allow allow, String methodArn) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(AuthorizerContext.TENANT_ID, allow.tenantId());
        context.put(AuthorizerContext.CLIENT_ID, allow.clientId());
        context.put(AuthorizerContext.PLAN, allow.plan());
        Map<String, Object> response = policy(allow.clientId(), ALLOW, methodArn);
        response.put("context", context);
        response.put("usageIdentifierKey", allow.apiKeyValue());
        return response;
    }

    /** A Deny: API Gateway answers 403 (gateway response {@code ACCESS_DENIED}); no context, no key. */
    static Map<String, Object> deny(String principalId, String methodArn) {
        return policy(principalId, DENY, methodArn);
    }

    private static Map<String, Object> policy(String principalId, String effect, String methodArn) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Action", "execute-api:Invoke");
        statement.put("Effect", effect);
        statement.put("Resource", methodArn);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("principalId", principalId);
        response.put("policyDocument", document);
        return response;
    }
}
