package invoicegroups.ops.tenants;

import static invoicegroups.table.TenantRegistryTable.BY_TENANT_INDEX;
import static invoicegroups.table.TenantRegistryTable.CREATED_AT;
import static invoicegroups.table.TenantRegistryTable.PARTITION_KEY;
import static invoicegroups.table.TenantRegistryTable.STATUS;
import static invoicegroups.table.TenantRegistryTable.TENANT_ID;

import invoicegroups.ops.failure.AwsCall;
import invoicegroups.ops.deployment.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The tenant registry table ({@link invoicegroups.table.TenantRegistryTable}): one item per app client, read by
 * the token trigger, written only here.
 */
final class TenantRegistry {

    private final Target target;

    TenantRegistry(Target target) {
        this.target = target;
    }

    /** The tenant's clients, from the {@code byTenant} index (every page). */
    List<RegisteredClient> clientsOf(String tenantId) {
        List<RegisteredClient> clients = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = call("dynamodb:Query", () -> target.dynamoDb().query(request -> request
                    .tableName(table())
                    .indexName(BY_TENANT_INDEX)
                    .keyConditionExpression("#tenant = :tenant")
                    .expressionAttributeNames(Map.of("#tenant", TENANT_ID))
                    .expressionAttributeValues(Map.of(":tenant", string(tenantId)))
                    .exclusiveStartKey(from)));
            page.items().forEach(item -> clients.add(client(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return clients;
    }

    Optional<RegisteredClient> client(String clientId) {
        Map<String, AttributeValue> item = call("dynamodb:GetItem", () -> target.dynamoDb().getItem(request -> request
                .tableName(table()).key(key(clientId)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(client(item));
    }

    /** Every registered client (a paginated scan). */
    List<RegisteredClient> all() {
        List<RegisteredClient> clients = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = call("dynamodb:Scan", () -> target.dynamoDb().scan(request -> request
                    .tableName(table()).exclusiveStartKey(from)));
            page.items().forEach(item -> clients.add(client(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return clients;
    }

    /** Registers a new client; never overwrites an existing entry. */
    void register(RegisteredClient client) {
        call("dynamodb:PutItem", () -> target.dynamoDb().putItem(request -> request
                .tableName(table())
                .item(Map.of(PARTITION_KEY, string(client.clientId()), TENANT_ID, string(client.tenantId()),
                        STATUS, string(client.status()), CREATED_AT, string(client.createdAt())))
                .conditionExpression("attribute_not_exists(#client)")
                .expressionAttributeNames(Map.of("#client", PARTITION_KEY))));
    }

    /** @return false if the client is no longer registered */
    boolean setStatus(String clientId, String status) {
        try {
            target.dynamoDb().updateItem(request -> request
                    .tableName(table())
                    .key(key(clientId))
                    .updateExpression("SET #status = :status")
                    .conditionExpression("attribute_exists(#client)")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#client", PARTITION_KEY))
                    .expressionAttributeValues(Map.of(":status", string(status))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw named("dynamodb:UpdateItem").failure(e);
        }
    }

    void remove(String clientId) {
        call("dynamodb:DeleteItem", () -> target.dynamoDb().deleteItem(request -> request
                .tableName(table()).key(key(clientId))));
    }

    private <T> T call(String action, Supplier<T> call) {
        return named(action).run(call);
    }

    private AwsCall named(String action) {
        return target.call(action, "table " + table(), AppClients.POLICY);
    }

    private String table() {
        return target.registryTableName();
    }

    private static Map<String, AttributeValue> key(String clientId) {
        return Map.of(PARTITION_KEY, string(clientId));
    }

    private static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    private static RegisteredClient client(Map<String, AttributeValue> item) {
        return new RegisteredClient(text(item, PARTITION_KEY), text(item, TENANT_ID), text(item, STATUS),
                text(item, CREATED_AT));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
