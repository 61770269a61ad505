package invoicegroups.authorizer;

import static invoicegroups.table.TenantRegistryTable.API_KEY_ID;
import static invoicegroups.table.TenantRegistryTable.API_KEY_VALUE;
import static invoicegroups.table.TenantRegistryTable.CLIENT_IDS;
import static invoicegroups.table.TenantRegistryTable.CREATED_AT;
import static invoicegroups.table.TenantRegistryTable.PARTITION_KEY;
import static invoicegroups.table.TenantRegistryTable.PLAN;
import static invoicegroups.table.TenantRegistryTable.STATUS;
import static invoicegroups.table.TenantRegistryTable.TENANT_ID;
import static invoicegroups.table.TenantRegistryTable.UPDATED_AT;
import static invoicegroups.table.TenantRegistryTable.VERSION;

import invoicegroups.table.TenantRegistryTable;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes registry records in the shape {@code tenants} writes them (DESIGN: tenant record, client record). */
final class Registry {

    private static final String NOW = "2026-11-24T17:30:00Z";

    private final DynamoDbClient dynamoDb;
    private final String table;

    Registry(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** An active tenant on plan standard with API key {@code key-<tenant>} and this one client. */
    void activeTenant(String tenant, String clientId) {
        tenant(tenant, TenantRegistryTable.ACTIVE, "standard", "key-" + tenant, clientId);
        client(clientId, tenant);
    }

    /** @param apiKeyValue {@code null} for a tenant record without an API key */
    void tenant(String tenant, String status, String plan, String apiKeyValue, String... clientIds) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION_KEY, s(TenantRegistryTable.tenantRecordKey(tenant)));
        item.put(TENANT_ID, s(tenant));
        item.put(STATUS, s(status));
        if (plan != null) {
            item.put(PLAN, s(plan));
        }
        item.put(CREATED_AT, s(NOW));
        item.put(UPDATED_AT, s(NOW));
        item.put(VERSION, AttributeValue.fromN("1"));
        if (clientIds.length > 0) {
            item.put(CLIENT_IDS, AttributeValue.fromSs(java.util.List.of(clientIds)));
        }
        if (apiKeyValue != null) {
            item.put(API_KEY_ID, s("id-" + tenant));
            item.put(API_KEY_VALUE, s(apiKeyValue));
        }
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    void client(String clientId, String tenant) {
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                PARTITION_KEY, s(clientId), TENANT_ID, s(tenant), CREATED_AT, s(NOW))));
    }

    /** A client record as the code before tenant records wrote it: with a status, and no tenant record. */
    void legacyClient(String clientId, String tenant) {
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                PARTITION_KEY, s(clientId), TENANT_ID, s(tenant), STATUS, s(TenantRegistryTable.ACTIVE),
                CREATED_AT, s(NOW))));
    }

    void setStatus(String tenant, String status) {
        dynamoDb.updateItem(update -> update.tableName(table)
                .key(Map.of(PARTITION_KEY, s(TenantRegistryTable.tenantRecordKey(tenant))))
                .updateExpression("SET #status = :status")
                .expressionAttributeNames(Map.of("#status", STATUS))
                .expressionAttributeValues(Map.of(":status", s(status))));
    }

    void delete(String key) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(Map.of(PARTITION_KEY, s(key))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
