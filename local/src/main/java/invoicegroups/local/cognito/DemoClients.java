package invoicegroups.local.cognito;

import invoicegroups.table.ResourceServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The demo clients: {@code <tenant>-demo} (secret {@code <tenant>-demo-secret}, the read scope) for every tenant of the
 * loaded data, and {@code <first tenant>-no-read}, a client of the first tenant without the read scope.
 *
 * <p>Their secrets are printed at start-up and written in the README: they guard nothing but a developer's laptop.
 */
public final class DemoClients {

    public static final DemoClient ACME = forTenant("acme");
    public static final DemoClient GLOBEX = forTenant("globex");
    /** The sample data's no-read client: its tokens are valid, but the authorizer denies them (403). */
    public static final DemoClient ACME_WITHOUT_READ = withoutRead("acme");

    private DemoClients() {
    }

    public static DemoClient forTenant(String tenantId) {
        return new DemoClient(tenantId + "-demo", tenantId + "-demo-secret", tenantId,
                List.of(ResourceServer.READ_SCOPE));
    }

    /** A client of the tenant with only a scope no route requires: a valid token the authorizer denies (403). */
    public static DemoClient withoutRead(String tenantId) {
        return new DemoClient(tenantId + "-no-read", tenantId + "-no-read-secret", tenantId,
                List.of(LocalUserPool.UNRELATED_SCOPE));
    }

    /** One demo client per tenant, in the given order, then the first tenant's no-read client (none without tenants). */
    public static List<DemoClient> forTenants(Collection<String> tenantIds) {
        List<String> tenants = tenantIds.stream().distinct().toList();
        List<DemoClient> clients = new ArrayList<>(tenants.stream().map(DemoClients::forTenant).toList());
        if (!tenants.isEmpty()) {
            clients.add(withoutRead(tenants.get(0)));
        }
        return clients;
    }

    /** The demo client as an app client of the pool, allowed the client-credentials grant. */
    public static UserPoolClient appClient(DemoClient demo, Instant now) {
        return new UserPoolClient(demo.clientId(), demo.clientId(), demo.clientSecret(),
                List.of(LocalUserPool.CLIENT_CREDENTIALS), demo.allowedScopes(), true, Optional.empty(), now, now);
    }
}
