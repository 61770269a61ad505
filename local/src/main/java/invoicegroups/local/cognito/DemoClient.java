package invoicegroups.local.cognito;

import java.util.List;

/**
 * An app client the runner registers at start, in its user pool and in the tenant registry, with a fixed id and
 * secret so the README's commands work as printed.
 */
public record DemoClient(String clientId, String clientSecret, String tenantId, List<String> allowedScopes) {

    public DemoClient {
        allowedScopes = List.copyOf(allowedScopes);
    }
}
