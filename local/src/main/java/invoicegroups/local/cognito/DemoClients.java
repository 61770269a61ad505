package invoicegroups.local.cognito;

import invoicegroups.table.TenantRegistryTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The demo clients: {@code <tenant>-demo} (secret {@code <tenant>-demo-secret}, the read scope) for every tenant of the
 * loaded data, and {@code acme-no-read}, a client of acme without the read scope.
 *
 * <p>Their secrets are printed at start-up and written in the README: they guard nothing but a developer's laptop.
 */
public final class DemoClients {

    public static final DemoClient ACME = forTenant("acme");
    public static final DemoClient GLOBEX = forTenant("globex");
    /** Registered without the read scope: its tokens are valid, but the list route refuses them. */
    public static final DemoClient ACME_WITHOUT_READ =
            new DemoClient("acme-no-read", "acme-no-read-secret", "acme", List.of(LocalUserPool.UNRELATED_SCOPE));

    private DemoClients() {
    }

    public static DemoClient forTenant(String tenantId) {
        return new DemoClient(tenantId + "-demo", tenantId + "-demo-secret", tenantId,
                List.of(LocalUserPool.READ_SCOPE));
    }

    /** One demo client per tenant, in the given order, then {@code acme-no-read}. */
    public static List<DemoClient> forTenants(Collection<String> tenantIds) {
        List<DemoClient> clients = new ArrayList<>(tenantIds.stream().distinct().map(DemoClients::forTenant).toList());
        clients.add(ACME_WITHOUT_READ);
        return clients;
    }

    /** The demo client as an app client of the pool, allowed the client-credentials grant. */
    public static UserPoolClient appClient(DemoClient demo, Instant now) {
        return new UserPoolClient(demo.clientId(), demo.clientId(), demo.clientSecret(),
                List.of(LocalUserPool.CLIENT_CREDENTIALS), demo.allowedScopes(), true, Optional.empty(), now, now);
    }

    /**
     * Registers each client in the pool and, as {@code tenants add} does, in the tenant registry (active). A client
     * kept from an earlier run ({@code --data-dir}) is left as it is, suspended or not.
     */
    public static void register(List<DemoClient> demos, UserPoolClients pool, DynamoDbClient dynamoDb,
            String registryTable, Instant now) {
        for (DemoClient demo : demos) {
            pool.add(appClient(demo, now));
            try {
                dynamoDb.putItem(put -> put.tableName(registryTable)
                        .item(Map.of(
                                TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(demo.clientId()),
                                TenantRegistryTable.TENANT_ID, AttributeValue.fromS(demo.tenantId()),
                                TenantRegistryTable.STATUS, AttributeValue.fromS(TenantRegistryTable.ACTIVE),
                                TenantRegistryTable.CREATED_AT, AttributeValue.fromS(now.toString())))
                        .conditionExpression("attribute_not_exists(" + TenantRegistryTable.PARTITION_KEY + ")"));
            } catch (ConditionalCheckFailedException kept) {
                // Registered in an earlier run.
            }
        }
    }
}
