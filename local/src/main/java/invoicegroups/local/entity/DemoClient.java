package invoicegroups.local.entity;

import java.util.List;

/**
 * An app client of the local token endpoint, as the Cognito user pool registers one: its credentials and the scopes it
 * may be granted, among them {@code tenant/<tenantId>}, which names the tenant its tokens speak for.
 */
public record DemoClient(String clientId, String clientSecret, String tenantId, List<String> allowedScopes) {

    public DemoClient {
        allowedScopes = List.copyOf(allowedScopes);
    }
}
