package invoicegroups.lambdaclients;

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
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes tenant registry records in the shape {@code tenants} writes them (DESIGN: tenant record, client record), for
 * the tests of the functions that read them (the token trigger, the authorizer).
 *
 * @param table the tenant registry table
 */
public record RegistryRecords(DynamoDbClient dynamoDb, String table) {

    private static final String NOW = "2026-11-24T17:30:00Z";

    /** An active tenant on plan standard with API key {@code key-<tenant>} and this one client. */
    public void activeTenant(String tenant, String clientId) {
        tenantWithClient(tenant, TenantRegistryTable.ACTIVE, clientId);
    }

    /** A tenant with this status on plan standard with API key {@code key-<tenant>}, and its one client's record. */
    public void tenantWithClient(String tenant, String status, String clientId) {
        tenant(tenant, status, "standard", "key-" + tenant, clientId);
        client(clientId, tenant);
    }

    /**
     * @param plan {@code null} for a tenant record without a plan
     * @param apiKeyValue {@code null} for a tenant record without an API key
     */
    public void tenant(String tenant, String status, String plan, String apiKeyValue, String... clientIds) {
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
            item.put(CLIENT_IDS, AttributeValue.fromSs(List.of(clientIds)));
        }
        if (apiKeyValue != null) {
            item.put(API_KEY_ID, s("id-" + tenant));
            item.put(API_KEY_VALUE, s(apiKeyValue));
        }
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    /** A client record naming its tenant. */
    public void client(String clientId, String tenant) {
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                PARTITION_KEY, s(clientId), TENANT_ID, s(tenant), CREATED_AT, s(NOW))));
    }

    /** A client record as the code before tenant records wrote it: with a status, and no tenant record. */
    public void legacyClient(String clientId, String tenant) {
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                PARTITION_KEY, s(clientId), TENANT_ID, s(tenant), STATUS, s(TenantRegistryTable.ACTIVE),
                CREATED_AT, s(NOW))));
    }

    public void setStatus(String tenant, String status) {
        dynamoDb.updateItem(update -> update.tableName(table)
                .key(Map.of(PARTITION_KEY, s(TenantRegistryTable.tenantRecordKey(tenant))))
                .updateExpression("SET #status = :status")
                .expressionAttributeNames(Map.of("#status", STATUS))
                .expressionAttributeValues(Map.of(":status", s(status))));
    }

    public void delete(String key) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(Map.of(PARTITION_KEY, s(key))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
