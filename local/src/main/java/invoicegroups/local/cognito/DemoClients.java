package invoicegroups.local.cognito;

import invoicegroups.table.Plan;
import invoicegroups.table.TenantRegistryTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The demo clients: {@code <tenant>-demo} (secret {@code <tenant>-demo-secret}, the read scope) for every tenant of the
 * loaded data, and {@code acme-no-read}, a client of acme without the read scope.
 *
 * <p>Their secrets are printed at start-up and written in the README: they guard nothing but a developer's laptop.
 */
public final class DemoClients {

    public static final DemoClient ACME = forTenant("acme");
    public static final DemoClient GLOBEX = forTenant("globex");
    /** Registered without the read scope: its tokens are valid, but the authorizer denies them (403). */
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

    /** The placeholder API key value of a demo tenant: the runner has no usage plans to meter it against (yet). */
    public static String apiKeyValue(String tenantId) {
        return "local-" + tenantId;
    }

    /**
     * Registers each client in the pool and, in the registry shape {@code tenants add} writes, each tenant: its tenant
     * record ({@code active}, the default plan, version 1, its demo clients' ids, a placeholder API key) and a client
     * record per demo client, in one transaction per tenant. A tenant whose record is kept from an earlier run
     * ({@code --data-dir}) is left as it is, suspended or not, with its clients.
     */
    public static void register(List<DemoClient> demos, UserPoolClients pool, DynamoDbClient dynamoDb,
            String registryTable, Instant now) {
        Map<String, List<DemoClient>> byTenant = new LinkedHashMap<>();
        for (DemoClient demo : demos) {
            pool.add(appClient(demo, now));
            byTenant.computeIfAbsent(demo.tenantId(), tenant -> new ArrayList<>()).add(demo);
        }
        byTenant.forEach((tenant, clients) -> {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(registryTable)
                    .item(tenantRecord(tenant, clients, now))
                    .conditionExpression("attribute_not_exists(" + TenantRegistryTable.PARTITION_KEY + ")")
                    .build()).build());
            for (DemoClient client : clients) {
                // Unconditional: a demo client's record always names its own tenant (this also upgrades the demo
                // clients of a data directory written before tenant records existed).
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(registryTable)
                        .item(clientRecord(client, now)).build()).build());
            }
            try {
                dynamoDb.transactWriteItems(transaction -> transaction.transactItems(writes));
            } catch (TransactionCanceledException kept) {
                // The tenant record exists: registered in an earlier run.
            }
        });
    }

    private static Map<String, AttributeValue> tenantRecord(String tenant, List<DemoClient> clients, Instant now) {
        return Map.of(
                TenantRegistryTable.PARTITION_KEY, s(TenantRegistryTable.tenantRecordKey(tenant)),
                TenantRegistryTable.TENANT_ID, s(tenant),
                TenantRegistryTable.STATUS, s(TenantRegistryTable.ACTIVE),
                TenantRegistryTable.PLAN, s(Plan.DEFAULT_PLAN),
                TenantRegistryTable.VERSION, AttributeValue.fromN("1"),
                TenantRegistryTable.CLIENT_IDS, AttributeValue.fromSs(clients.stream().map(DemoClient::clientId).toList()),
                TenantRegistryTable.API_KEY_ID, s(apiKeyValue(tenant)),
                TenantRegistryTable.API_KEY_VALUE, s(apiKeyValue(tenant)),
                TenantRegistryTable.CREATED_AT, s(now.toString()),
                TenantRegistryTable.UPDATED_AT, s(now.toString()));
    }

    private static Map<String, AttributeValue> clientRecord(DemoClient client, Instant now) {
        return Map.of(
                TenantRegistryTable.PARTITION_KEY, s(client.clientId()),
                TenantRegistryTable.TENANT_ID, s(client.tenantId()),
                TenantRegistryTable.CREATED_AT, s(now.toString()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
