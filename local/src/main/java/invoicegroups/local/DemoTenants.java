package invoicegroups.local;

import invoicegroups.local.apigateway.ApiKey;
import invoicegroups.local.apigateway.ApiKeyStore;
import invoicegroups.local.apigateway.UsagePlan;
import invoicegroups.local.cognito.DemoClient;
import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.cognito.UserPoolClients;
import invoicegroups.table.LocalRunner;
import invoicegroups.table.TenantApiKey;
import invoicegroups.table.TenantRegistryTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Registers every tenant of the loaded data (an empty one included) as {@code tenants add} would: an API key named as
 * that command names it, in the default plan's usage plan; the demo clients in the user pool
 * ({@link DemoClients}); the tenant record ({@code active}, the plan, version 1, the clients' ids, the key) and a client
 * record per demo client, in one transaction. Done before the server starts, so nothing else writes meanwhile.
 *
 * <p>A tenant whose record is kept from an earlier run ({@code --data-dir}) is left as it is (suspended stays
 * suspended, its plan stays), except that a demo client its record does not list is added to it (as
 * {@code tenants rotate} adds one: one transaction on the record's version), and a record naming an API key the runner
 * does not have (a data directory of a version without API keys) gets one.
 */
final class DemoTenants {

    /** A registered demo tenant: its clients and its status now (kept: registered by an earlier run). */
    record DemoTenant(String tenantId, String status, String plan, List<DemoClient> clients, boolean kept) {

        boolean active() {
            return TenantRegistryTable.ACTIVE.equals(status);
        }
    }

    private final DynamoDbClient dynamoDb;
    private final String registryTable;
    private final UserPoolClients pool;
    private final ApiKeyStore apiKeys;
    private final Map<String, UsagePlan> usagePlans;
    private final String defaultPlan;

    DemoTenants(DynamoDbClient dynamoDb, String registryTable, UserPoolClients pool, ApiKeyStore apiKeys,
            Map<String, UsagePlan> usagePlans, String defaultPlan) {
        this.dynamoDb = dynamoDb;
        this.registryTable = registryTable;
        this.pool = pool;
        this.apiKeys = apiKeys;
        this.usagePlans = usagePlans;
        this.defaultPlan = defaultPlan;
    }

    /** @param tenantIds the loaded tenants in the data's order; the first also gets the no-read client */
    List<DemoTenant> register(List<String> tenantIds, Instant now) {
        Map<String, List<DemoClient>> byTenant = new LinkedHashMap<>();
        for (DemoClient demo : DemoClients.forTenants(tenantIds)) {
            pool.add(DemoClients.appClient(demo, now));
            byTenant.computeIfAbsent(demo.tenantId(), tenant -> new ArrayList<>()).add(demo);
        }
        List<DemoTenant> tenants = new ArrayList<>();
        byTenant.forEach((tenant, clients) -> tenants.add(register(tenant, clients, now)));
        return tenants;
    }

    private DemoTenant register(String tenant, List<DemoClient> clients, Instant now) {
        Map<String, AttributeValue> kept = tenantRecord(tenant);
        if (kept == null) {
            ApiKey key = apiKeys.create(TenantApiKey.name(LocalRunner.REST_API_ID, tenant), TenantApiKey.description(tenant), true,
                    null);
            apiKeys.attach(usagePlans.get(defaultPlan), key.id());
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(registryTable)
                    .item(newTenantRecord(tenant, clients, key, now))
                    .conditionExpression("attribute_not_exists(" + TenantRegistryTable.PARTITION_KEY + ")")
                    .build()).build());
            for (DemoClient client : clients) {
                // Unconditional: a demo client's record always names its own tenant (this also upgrades the demo
                // clients of a data directory written before tenant records existed).
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(registryTable)
                        .item(clientRecord(client, now)).build()).build());
            }
            dynamoDb.transactWriteItems(transaction -> transaction.transactItems(writes));
            return new DemoTenant(tenant, TenantRegistryTable.ACTIVE, defaultPlan, clients, false);
        }
        kept = giveAnApiKeyIfItHasNone(tenant, kept, now);
        for (DemoClient client : clients) {
            kept = listClient(tenant, kept, client, now);
        }
        return new DemoTenant(tenant, text(kept, TenantRegistryTable.STATUS), text(kept, TenantRegistryTable.PLAN),
                clients, true);
    }

    /** A kept record whose API key the runner does not have gets a new one, in its plan's usage plan. */
    private Map<String, AttributeValue> giveAnApiKeyIfItHasNone(String tenant, Map<String, AttributeValue> record,
            Instant now) {
        String keyId = text(record, TenantRegistryTable.API_KEY_ID);
        if (keyId != null && apiKeys.find(keyId).isPresent() || !record.containsKey(TenantRegistryTable.VERSION)) {
            return record;
        }
        ApiKey key = apiKeys.create(TenantApiKey.name(LocalRunner.REST_API_ID, tenant), TenantApiKey.description(tenant), true,
                null);
        Optional.ofNullable(usagePlans.get(text(record, TenantRegistryTable.PLAN)))
                .ifPresent(plan -> apiKeys.attach(plan, key.id()));
        try {
            return dynamoDb.updateItem(update -> update.tableName(registryTable)
                    .key(key(TenantRegistryTable.tenantRecordKey(tenant)))
                    .updateExpression("SET #keyId = :keyId, #keyValue = :keyValue, #updated = :now,"
                            + " #version = #version + :one")
                    .conditionExpression("#version = :version")
                    .expressionAttributeNames(Map.of("#keyId", TenantRegistryTable.API_KEY_ID,
                            "#keyValue", TenantRegistryTable.API_KEY_VALUE, "#updated", TenantRegistryTable.UPDATED_AT,
                            "#version", TenantRegistryTable.VERSION))
                    .expressionAttributeValues(Map.of(":keyId", s(key.id()), ":keyValue", s(key.value()),
                            ":now", s(now.toString()), ":one", AttributeValue.fromN("1"),
                            ":version", record.get(TenantRegistryTable.VERSION)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (RuntimeException e) {
            apiKeys.delete(key.id());
            throw e;
        }
    }

    /** A demo client the kept record does not list is added to it, as {@code tenants rotate} adds a client. */
    private Map<String, AttributeValue> listClient(String tenant, Map<String, AttributeValue> record,
            DemoClient client, Instant now) {
        AttributeValue ids = record.get(TenantRegistryTable.CLIENT_IDS);
        List<String> listed = ids == null || !ids.hasSs() ? List.of() : ids.ss();
        if (listed.contains(client.clientId()) || listed.size() >= TenantRegistryTable.MAX_CLIENTS_PER_TENANT
                || !record.containsKey(TenantRegistryTable.VERSION)) {
            return record;
        }
        String recordKey = TenantRegistryTable.tenantRecordKey(tenant);
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(registryTable)
                        .item(clientRecord(client, now)).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(registryTable).key(key(recordKey))
                        .updateExpression("ADD #clients :client SET #updated = :now, #version = #version + :one")
                        .conditionExpression("#version = :version")
                        .expressionAttributeNames(Map.of("#clients", TenantRegistryTable.CLIENT_IDS,
                                "#updated", TenantRegistryTable.UPDATED_AT, "#version", TenantRegistryTable.VERSION))
                        .expressionAttributeValues(Map.of(":client", AttributeValue.fromSs(List.of(client.clientId())),
                                ":now", s(now.toString()), ":one", AttributeValue.fromN("1"),
                                ":version", record.get(TenantRegistryTable.VERSION)))
                        .build()).build());
        try {
            dynamoDb.transactWriteItems(transaction -> transaction.transactItems(writes));
        } catch (TransactionCanceledException changed) {
            // Changed meanwhile (nothing else runs at start-up): leave it as it is.
            return record;
        }
        return tenantRecord(tenant);
    }

    private Map<String, AttributeValue> tenantRecord(String tenant) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(registryTable)
                .key(key(TenantRegistryTable.tenantRecordKey(tenant))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private Map<String, AttributeValue> newTenantRecord(String tenant, List<DemoClient> clients, ApiKey key,
            Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TenantRegistryTable.PARTITION_KEY, s(TenantRegistryTable.tenantRecordKey(tenant)));
        item.put(TenantRegistryTable.TENANT_ID, s(tenant));
        item.put(TenantRegistryTable.STATUS, s(TenantRegistryTable.ACTIVE));
        item.put(TenantRegistryTable.PLAN, s(defaultPlan));
        item.put(TenantRegistryTable.VERSION, AttributeValue.fromN("1"));
        item.put(TenantRegistryTable.CLIENT_IDS, AttributeValue.fromSs(clients.stream().map(DemoClient::clientId)
                .toList()));
        item.put(TenantRegistryTable.API_KEY_ID, s(key.id()));
        item.put(TenantRegistryTable.API_KEY_VALUE, s(key.value()));
        item.put(TenantRegistryTable.CREATED_AT, s(now.toString()));
        item.put(TenantRegistryTable.UPDATED_AT, s(now.toString()));
        return item;
    }

    private static Map<String, AttributeValue> clientRecord(DemoClient client, Instant now) {
        return Map.of(
                TenantRegistryTable.PARTITION_KEY, s(client.clientId()),
                TenantRegistryTable.TENANT_ID, s(client.tenantId()),
                TenantRegistryTable.CREATED_AT, s(now.toString()));
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(TenantRegistryTable.PARTITION_KEY, s(key));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
