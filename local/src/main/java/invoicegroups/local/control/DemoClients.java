package invoicegroups.local.control;

import invoicegroups.local.entity.DemoClient;
import java.util.List;
import java.util.Optional;

/**
 * The app clients the local token endpoint knows, registered the way the stack registers Cognito app clients: each
 * may be granted {@code invoice-groups/read} and its one {@code tenant/<id>} scope, which names its tenant.
 *
 * <p>Their secrets are printed at start-up and written in the README: they guard nothing but a developer's laptop.
 */
public final class DemoClients {

    public static final String READ_SCOPE = "invoice-groups/read";
    /** The resource server whose scopes name tenants: {@code tenant/acme} means tenant {@code acme}. */
    public static final String TENANT_RESOURCE_SERVER = "tenant";

    public static final DemoClient ACME =
            new DemoClient("acme-demo", "acme-demo-secret", "acme", List.of(READ_SCOPE, "tenant/acme"));
    public static final DemoClient GLOBEX =
            new DemoClient("globex-demo", "globex-demo-secret", "globex", List.of(READ_SCOPE, "tenant/globex"));
    /** Registered without the read scope: its tokens are valid but the list route answers 403. */
    public static final DemoClient ACME_WITHOUT_READ =
            new DemoClient("acme-no-read", "acme-no-read-secret", "acme", List.of("tenant/acme"));

    public static final List<DemoClient> ALL = List.of(ACME, GLOBEX, ACME_WITHOUT_READ);

    private DemoClients() {
    }

    public static Optional<DemoClient> find(String clientId) {
        return ALL.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }

    /** The tenant named by the granted {@code tenant/<id>} scope, as the stack's token trigger reads it. */
    public static Optional<String> tenantOf(List<String> grantedScopes) {
        String prefix = TENANT_RESOURCE_SERVER + "/";
        List<String> tenants = grantedScopes.stream()
                .filter(scope -> scope.startsWith(prefix) && scope.length() > prefix.length())
                .map(scope -> scope.substring(prefix.length()))
                .distinct()
                .toList();
        return tenants.size() == 1 ? Optional.of(tenants.get(0)) : Optional.empty();
    }

    /** The client ids the authorizer accepts as audience, as the stack lists the app clients in its JWT authorizer. */
    public static List<String> clientIds() {
        return ALL.stream().map(DemoClient::clientId).toList();
    }
}
