package invoicegroups.tokencustomizer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cognito pre-token-generation trigger (event version V3_0): writes the caller's tenant into its access token.
 *
 * <p>The tenant is the one tenant scope the platform team allowed the app client, e.g. {@code tenant/acme}. Cognito
 * grants a client only scopes on its allow list, so a caller can leave its tenant scope out but can never name another
 * tenant. A scope is the only per-client fact the platform team controls that Cognito hands this trigger, so the
 * mapping needs no lookup table, no AWS SDK and no permission beyond writing logs.
 *
 * <p>Handler: {@code invoicegroups.tokencustomizer.TenantClaimTrigger::handleRequest}. No aws-lambda-java-core: the
 * Java runtime deserialises the event into plain maps and lists.
 */
public final class TenantClaimTrigger {

    /** The access token claim that carries the tenant; the API function reads the same name. */
    static final String TENANT_CLAIM = setting("TENANT_CLAIM", "tenant_id");

    /** The resource server whose scopes name tenants: scope {@code tenant/acme} means tenant {@code acme}. */
    static final String TENANT_RESOURCE_SERVER = setting("TENANT_RESOURCE_SERVER", "tenant");

    public Map<String, Object> handleRequest(Map<String, Object> event) {
        Map<?, ?> request = (Map<?, ?>) event.get("request");
        Collection<?> scopes = request == null ? null : (Collection<?>) request.get("scopes");
        String tenant = tenantOf(scopes, TENANT_RESOURCE_SERVER).orElseThrow(() -> new IllegalStateException(
                "app client " + clientIdOf(event) + " was granted no " + TENANT_RESOURCE_SERVER
                        + "/<tenant id> scope: request the scope it is registered for, or leave scope out"));

        Map<String, Object> response = new HashMap<>();
        response.put("claimsAndScopeOverrideDetails",
                Map.of("accessTokenGeneration", Map.of("claimsToAddOrOverride", Map.of(TENANT_CLAIM, tenant))));
        event.put("response", response);
        return event;
    }

    /**
     * The tenant named by the one scope of the tenant resource server among the granted scopes; empty when there is
     * none. More than one is a registration mistake, and issuing no token is safer than guessing.
     */
    static Optional<String> tenantOf(Collection<?> grantedScopes, String tenantResourceServer) {
        String prefix = tenantResourceServer + "/";
        List<String> tenants = grantedScopes == null ? List.of() : grantedScopes.stream()
                .map(String::valueOf)
                .filter(scope -> scope.startsWith(prefix) && scope.length() > prefix.length())
                .map(scope -> scope.substring(prefix.length()))
                .distinct()
                .toList();
        if (tenants.size() > 1) {
            throw new IllegalStateException("app client is registered for more than one tenant: " + tenants);
        }
        return tenants.stream().findFirst();
    }

    private static String clientIdOf(Map<String, Object> event) {
        return event.get("callerContext") instanceof Map<?, ?> caller ? String.valueOf(caller.get("clientId")) : "?";
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
