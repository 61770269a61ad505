package invoicegroups.local.entity;

import java.util.List;

/**
 * An app client of the local token endpoint, as the Cognito user pool registers one: its credentials, the scopes it
 * may be granted, and the tenant its tokens speak for.
 */
public record DemoClient(String clientId, String clientSecret, String tenantId, List<String> allowedScopes) {

    public DemoClient {
        allowedScopes = List.copyOf(allowedScopes);
    }
}
