package invoicegroups.authorizer;

import static invoicegroups.table.TenantRegistryTable.API_KEY_VALUE;
import static invoicegroups.table.TenantRegistryTable.PARTITION_KEY;
import static invoicegroups.table.TenantRegistryTable.PLAN;
import static invoicegroups.table.TenantRegistryTable.STATUS;
import static invoicegroups.table.TenantRegistryTable.TENANT_ID;

import invoicegroups.authorizer.Decision.Allow;
import invoicegroups.authorizer.Decision.Deny;
import invoicegroups.table.Plan;
import invoicegroups.table.TenantRegistryTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What the tenant registry says about a verified caller: one strongly consistent BatchGetItem of its client record
 * (key: the token's {@code client_id}) and its tenant record (key: {@code tenant#<tenant claim>}), then the decision.
 *
 * <p>Allowed only if the client record exists and names the claimed tenant, and the tenant record exists, is
 * {@code active}, has a plan and an API key. A client removed by {@code tenants remove-client}, a tenant suspended or
 * removed, a record the claim does not match: Deny. A client record written before tenant records existed (it
 * carries a {@code status}, and no tenant record exists): Deny until {@code tenants check --repair} upgrades it.
 */
final class TenantRegistry {

    /** BatchGetItem may leave keys unprocessed (throttling); asked again this many times in all, then a failure. */
    static final int MAX_ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 25;

    private static final String STATUS_NAME = "#status";
    private static final String PLAN_NAME = "#plan";
    /** "status" and "plan" are DynamoDB reserved words: named by placeholder. */
    private static final String PROJECTION = String.join(", ", PARTITION_KEY, TENANT_ID, STATUS_NAME, PLAN_NAME,
            API_KEY_VALUE);
    private static final Map<String, String> PROJECTED_NAMES = Map.of(STATUS_NAME, STATUS, PLAN_NAME, PLAN);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    TenantRegistry(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /**
     * @param tenantId a well-formed tenant id ({@link invoicegroups.table.TenantId}) from the verified token
     * @throws RegistryUnavailableException when the registry does not answer for both records
     */
    Decision decide(String clientId, String tenantId) {
        Map<String, Map<String, AttributeValue>> records = read(List.of(clientId,
                TenantRegistryTable.tenantRecordKey(tenantId)));
        Map<String, AttributeValue> client = records.get(clientId);
        Map<String, AttributeValue> tenant = records.get(TenantRegistryTable.tenantRecordKey(tenantId));
        if (client == null) {
            return new Deny("client not registered", clientId, tenantId);
        }
        if (!tenantId.equals(string(client, TENANT_ID))) {
            return new Deny("client registered to another tenant", clientId, tenantId);
        }
        if (tenant == null) {
            return new Deny(client.containsKey(STATUS)
                    ? "legacy registry entry without a tenant record: run tenants check --repair"
                    : "tenant not registered", clientId, tenantId);
        }
        if (!TenantRegistryTable.ACTIVE.equals(string(tenant, STATUS))) {
            return new Deny(TenantRegistryTable.SUSPENDED.equals(string(tenant, STATUS))
                    ? "tenant suspended" : "tenant status not active", clientId, tenantId);
        }
        String plan = string(tenant, PLAN);
        if (plan == null || !Plan.NAME.matcher(plan).matches()) {
            return new Deny("tenant record without a valid plan", clientId, tenantId);
        }
        String apiKeyValue = string(tenant, API_KEY_VALUE);
        if (apiKeyValue == null || apiKeyValue.isBlank()) {
            return new Deny("tenant record without an API key", clientId, tenantId);
        }
        return new Allow(clientId, tenantId, plan, apiKeyValue);
    }

    /** Both records by key (absent ones missing), asking again for keys DynamoDB left unprocessed. */
    private Map<String, Map<String, AttributeValue>> read(List<String> keys) {
        Map<String, Map<String, AttributeValue>> records = new HashMap<>();
        KeysAndAttributes wanted = KeysAndAttributes.builder()
                .keys(keys.stream().map(key -> Map.of(PARTITION_KEY, AttributeValue.fromS(key))).toList())
                // A client removed or a tenant suspended a moment ago is refused on the next cache miss.
                .consistentRead(true)
                .projectionExpression(PROJECTION)
                .expressionAttributeNames(PROJECTED_NAMES)
                .build();
        for (int attempt = 1; ; attempt++) {
            KeysAndAttributes asked = wanted;
            BatchGetItemResponse response = dynamoDb.batchGetItem(batch -> batch.requestItems(Map.of(tableName, asked)));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                records.put(string(item, PARTITION_KEY), item);
            }
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(tableName);
            if (unprocessed == null || !unprocessed.hasKeys() || unprocessed.keys().isEmpty()) {
                return records;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new RegistryUnavailableException("the registry left keys unprocessed " + MAX_ATTEMPTS + " times");
            }
            wanted = unprocessed;
            pause(attempt);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted");
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
