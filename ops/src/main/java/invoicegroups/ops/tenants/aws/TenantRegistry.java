package invoicegroups.ops.tenants.aws;

import static invoicegroups.table.TenantRegistryTable.API_KEY_ID;
import static invoicegroups.table.TenantRegistryTable.API_KEY_VALUE;
import static invoicegroups.table.TenantRegistryTable.CLIENT_IDS;
import static invoicegroups.table.TenantRegistryTable.CREATED_AT;
import static invoicegroups.table.TenantRegistryTable.PARTITION_KEY;
import static invoicegroups.table.TenantRegistryTable.PENDING_ID;
import static invoicegroups.table.TenantRegistryTable.PENDING_OPERATION;
import static invoicegroups.table.TenantRegistryTable.PENDING_PLAN;
import static invoicegroups.table.TenantRegistryTable.PENDING_SINCE;
import static invoicegroups.table.TenantRegistryTable.PLAN;
import static invoicegroups.table.TenantRegistryTable.STATUS;
import static invoicegroups.table.TenantRegistryTable.TENANT_ID;
import static invoicegroups.table.TenantRegistryTable.TENANT_RECORD_PREFIX;
import static invoicegroups.table.TenantRegistryTable.UPDATED_AT;
import static invoicegroups.table.TenantRegistryTable.VERSION;

import invoicegroups.ops.deployment.Target;
import invoicegroups.ops.failure.AwsCall;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.tenants.entity.ClientRecord;
import invoicegroups.ops.tenants.entity.TenantRecord;
import invoicegroups.table.TenantRegistryTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The tenant registry ({@link TenantRegistryTable}): the only code that writes it. Every write is conditional or a
 * TransactWriteItems, so a tenant id exists at most once, the commands of one tenant serialise, and a client record
 * and its tenant's {@code clientIds} change together. A condition that does not hold is an answer ({@code false} or
 * empty), never an exception; anything else the SDK throws becomes a one-line failure naming the call.
 */
public final class TenantRegistry {

    static final String POLICY = AppClients.POLICY;
    /** Expression names: every {@code #name} an expression uses, and only those (DynamoDB refuses unused ones). */
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("#key", PARTITION_KEY),
            Map.entry("#tenant", TENANT_ID), Map.entry("#status", STATUS), Map.entry("#plan", PLAN),
            Map.entry("#created", CREATED_AT), Map.entry("#updated", UPDATED_AT), Map.entry("#version", VERSION),
            Map.entry("#clients", CLIENT_IDS), Map.entry("#keyId", API_KEY_ID), Map.entry("#keyValue", API_KEY_VALUE),
            Map.entry("#op", PENDING_OPERATION), Map.entry("#pending", PENDING_ID),
            Map.entry("#since", PENDING_SINCE), Map.entry("#pendingPlan", PENDING_PLAN));
    private static final Pattern NAME = Pattern.compile("#[A-Za-z]+");
    private static final String REMOVE_PENDING = " REMOVE #op, #pending, #since, #pendingPlan";
    /** What {@code tenants list} reads of a tenant record: never the API key's value. */
    private static final String LIST_PROJECTION = "#key, #tenant, #status, #plan, #created, #updated, #version, "
            + "#clients, #keyId, #op, #pending, #since, #pendingPlan";

    private final Target target;

    public TenantRegistry(Target target) {
        this.target = target;
    }

    // ---- reads ----

    public Optional<TenantRecord> tenant(String tenantId) {
        Map<String, AttributeValue> item = call("dynamodb:GetItem", () -> target.dynamoDb().getItem(request -> request
                .tableName(table()).key(key(TenantRegistryTable.tenantRecordKey(tenantId))).consistentRead(true)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(tenant(item));
    }

    public Optional<ClientRecord> client(String clientId) {
        Map<String, AttributeValue> item = call("dynamodb:GetItem", () -> target.dynamoDb().getItem(request -> request
                .tableName(table()).key(key(clientId)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(client(item));
    }

    /** The client records of {@code clientIds} that exist (one consistent BatchGetItem, at most 100 keys). */
    public Map<String, ClientRecord> clients(Collection<String> clientIds) {
        Map<String, ClientRecord> found = new HashMap<>();
        if (clientIds.isEmpty()) {
            return found;
        }
        List<Map<String, AttributeValue>> keys = clientIds.stream().map(TenantRegistry::key).toList();
        Map<String, KeysAndAttributes> request = Map.of(table(),
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 0; !request.isEmpty() && attempt < 10; attempt++) {
            Map<String, KeysAndAttributes> asked = request;
            var response = call("dynamodb:BatchGetItem", () -> target.dynamoDb()
                    .batchGetItem(batch -> batch.requestItems(asked)));
            response.responses().getOrDefault(table(), List.of())
                    .forEach(item -> found.put(text(item, PARTITION_KEY), client(item)));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return found;
    }

    /** Every tenant record, page by page as the scan paginator fetches them (for lists of any length). */
    public void eachTenant(Consumer<TenantRecord> action) {
        target.call("dynamodb:Scan", "table " + table(), POLICY).run(() -> {
            target.dynamoDb().scanPaginator(request -> request.tableName(table())
                    .filterExpression("begins_with(#key, :prefix)")
                    .projectionExpression(LIST_PROJECTION)
                    .expressionAttributeNames(names(LIST_PROJECTION, "#key"))
                    .expressionAttributeValues(Map.of(":prefix", s(TENANT_RECORD_PREFIX))))
                    .items().forEach(item -> action.accept(tenant(item)));
            return null;
        });
    }

    /** Every record, tenant and client, with a consistent scan: what {@code tenants check} compares. */
    public void everything(Consumer<TenantRecord> tenants, Consumer<ClientRecord> clients) {
        target.call("dynamodb:Scan", "table " + table(), POLICY).run(() -> {
            target.dynamoDb().scanPaginator(request -> request.tableName(table()).consistentRead(true))
                    .items().forEach(item -> {
                        if (TenantRegistryTable.isTenantRecordKey(text(item, PARTITION_KEY))) {
                            tenants.accept(tenant(item));
                        } else {
                            clients.accept(client(item));
                        }
                    });
            return null;
        });
    }

    // ---- the commands' steps ----

    /** add (1): the tenant record, pending, only if the tenant id is free. */
    public boolean putPendingAdd(String tenantId, String plan, String op, String now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION_KEY, s(TenantRegistryTable.tenantRecordKey(tenantId)));
        item.put(TENANT_ID, s(tenantId));
        item.put(STATUS, s(TenantRegistryTable.ACTIVE));
        item.put(PLAN, s(plan));
        item.put(CREATED_AT, s(now));
        item.put(UPDATED_AT, s(now));
        item.put(VERSION, n(1));
        item.put(PENDING_OPERATION, s("add"));
        item.put(PENDING_ID, s(op));
        item.put(PENDING_SINCE, s(now));
        return conditional("dynamodb:PutItem", () -> target.dynamoDb().putItem(request -> request.tableName(table())
                .item(item).conditionExpression("attribute_not_exists(#key)")
                .expressionAttributeNames(names("#key"))));
    }

    /** add (4): the client record and the tenant's API key and first client, only while the add is still its own. */
    public boolean commitAdd(String tenantId, String op, ClientRecord client, String apiKeyId, String apiKeyValue,
            String now) {
        String update = "SET #keyId = :keyId, #keyValue = :keyValue, #updated = :now ADD #clients :ids, #version :one"
                + REMOVE_PENDING;
        return transact(putClient(client), updateTenant(tenantId, update, "#pending = :op",
                Map.of(":keyId", s(apiKeyId), ":keyValue", s(apiKeyValue), ":now", s(now),
                        ":ids", ss(client.clientId()), ":one", n(1), ":op", s(op))));
    }

    /** rotate, plan: marks the command under way, only on the version it read and only if none is. */
    public boolean markPending(String tenantId, long version, String operation, String op, String pendingPlan,
            String now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":operation", s(operation), ":op", s(op),
                ":now", s(now), ":one", n(1), ":version", n(version)));
        String update = "SET #op = :operation, #pending = :op, #since = :now, #updated = :now";
        if (pendingPlan != null) {
            update += ", #pendingPlan = :pendingPlan";
            values.put(":pendingPlan", s(pendingPlan));
        }
        return update(tenantId, update + " ADD #version :one", "#version = :version AND attribute_not_exists(#pending)",
                values);
    }

    /** rotate (3): the new client record with the tenant's clientIds, only while the rotation is still its own. */
    public boolean commitRotate(String tenantId, String op, ClientRecord client, String now) {
        return transact(putClient(client), updateTenant(tenantId,
                "SET #updated = :now ADD #clients :ids, #version :one" + REMOVE_PENDING, "#pending = :op",
                Map.of(":now", s(now), ":ids", ss(client.clientId()), ":one", n(1), ":op", s(op))));
    }

    /** plan (3): the new plan, only while the move is still its own. */
    public boolean commitPlan(String tenantId, String op, String plan, String now) {
        return update(tenantId, "SET #plan = :plan, #updated = :now ADD #version :one" + REMOVE_PENDING,
                "#pending = :op", Map.of(":plan", s(plan), ":now", s(now), ":one", n(1), ":op", s(op)));
    }

    /** Ends the command under way without its change (rotate or plan undone, rotate repaired). */
    public boolean clearPending(String tenantId, String op, String now) {
        return update(tenantId, "SET #updated = :now ADD #version :one" + REMOVE_PENDING, "#pending = :op",
                Map.of(":now", s(now), ":one", n(1), ":op", s(op)));
    }

    /** An add undone, or repaired: its record goes, only while the add is still {@code op}'s. */
    public boolean deletePendingAdd(String tenantId, String op) {
        return conditional("dynamodb:DeleteItem", () -> target.dynamoDb().deleteItem(request -> request
                .tableName(table()).key(key(TenantRegistryTable.tenantRecordKey(tenantId)))
                .conditionExpression("#pending = :op").expressionAttributeNames(names("#pending"))
                .expressionAttributeValues(Map.of(":op", s(op)))));
    }

    /** {@code tenants check --repair} takes a pending command over: that command's commit can no longer succeed. */
    public boolean takeOver(String tenantId, String op, String mine) {
        return update(tenantId, "SET #pending = :mine ADD #version :one", "#pending = :op",
                Map.of(":mine", s(mine), ":one", n(1), ":op", s(op)));
    }

    /** suspend, resume: never blocked by a command under way. @return the record after, or empty if none */
    public Optional<TenantRecord> setStatus(String tenantId, String status, String now) {
        try {
            Map<String, AttributeValue> after = call("dynamodb:UpdateItem", () -> target.dynamoDb()
                    .updateItem(request -> request.tableName(table())
                            .key(key(TenantRegistryTable.tenantRecordKey(tenantId)))
                            .updateExpression("SET #status = :status, #updated = :now ADD #version :one")
                            .conditionExpression("attribute_exists(#key)")
                            .expressionAttributeNames(names("SET #status #updated #version #key"))
                            .expressionAttributeValues(Map.of(":status", s(status), ":now", s(now), ":one", n(1)))
                            .returnValues(ReturnValue.ALL_NEW))).attributes();
            return Optional.of(tenant(after));
        } catch (ConditionalFailure e) {
            return Optional.empty();
        }
    }

    /** remove-client: the client record and its id in the tenant's clientIds, on the version read. */
    public boolean removeClient(TenantRecord tenant, String clientId, String now) {
        TransactWriteItem deleteClient = TransactWriteItem.builder().delete(delete -> delete.tableName(table())
                .key(key(clientId)).conditionExpression("#tenant = :tenant")
                .expressionAttributeNames(names("#tenant"))
                .expressionAttributeValues(Map.of(":tenant", s(tenant.tenantId())))).build();
        return transact(deleteClient, updateTenant(tenant.tenantId(),
                "SET #updated = :now DELETE #clients :ids ADD #version :one", "#version = :version",
                Map.of(":now", s(now), ":ids", ss(clientId), ":one", n(1), ":version", n(tenant.version()))));
    }

    /** remove: the tenant record, on the version read, and every client record it lists, in one transaction. */
    public boolean removeTenant(TenantRecord tenant) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().delete(delete -> delete.tableName(table())
                .key(key(TenantRegistryTable.tenantRecordKey(tenant.tenantId())))
                .conditionExpression("#version = :version").expressionAttributeNames(names("#version"))
                .expressionAttributeValues(Map.of(":version", n(tenant.version())))).build());
        for (String clientId : tenant.sortedClientIds()) {
            items.add(TransactWriteItem.builder().delete(delete -> delete.tableName(table()).key(key(clientId)))
                    .build());
        }
        return transact(items.toArray(TransactWriteItem[]::new));
    }

    // ---- tenants check --repair ----

    /** A legacy tenant (client records with a status, no tenant record) becomes a tenant record listing them. */
    public boolean upgradeLegacy(String tenantId, String status, String plan, String createdAt,
            Collection<String> clientIds, String now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION_KEY, s(TenantRegistryTable.tenantRecordKey(tenantId)));
        item.put(TENANT_ID, s(tenantId));
        item.put(STATUS, s(status));
        item.put(PLAN, s(plan));
        item.put(CREATED_AT, s(createdAt));
        item.put(UPDATED_AT, s(now));
        item.put(VERSION, n(1));
        item.put(CLIENT_IDS, AttributeValue.fromSs(List.copyOf(clientIds)));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(put -> put.tableName(table()).item(item)
                .conditionExpression("attribute_not_exists(#key)").expressionAttributeNames(names("#key"))).build());
        for (String clientId : clientIds) {
            items.add(TransactWriteItem.builder().update(update -> update.tableName(table()).key(key(clientId))
                    .updateExpression("REMOVE #status").conditionExpression("#tenant = :tenant")
                    .expressionAttributeNames(names("#status #tenant"))
                    .expressionAttributeValues(Map.of(":tenant", s(tenantId)))).build());
        }
        return transact(items.toArray(TransactWriteItem[]::new));
    }

    /** Adds client ids to a tenant's clientIds, on the version read. */
    public boolean addClientIds(TenantRecord tenant, Set<String> clientIds, String now) {
        return update(tenant.tenantId(), "SET #updated = :now ADD #clients :ids, #version :one",
                "#version = :version", Map.of(":now", s(now), ":ids", AttributeValue.fromSs(List.copyOf(clientIds)),
                        ":one", n(1), ":version", n(tenant.version())));
    }

    /** Drops client ids from a tenant's clientIds, on the version read. */
    public boolean dropClientIds(TenantRecord tenant, Set<String> clientIds, String now) {
        return update(tenant.tenantId(), "SET #updated = :now DELETE #clients :ids ADD #version :one",
                "#version = :version", Map.of(":now", s(now), ":ids", AttributeValue.fromSs(List.copyOf(clientIds)),
                        ":one", n(1), ":version", n(tenant.version())));
    }

    /** A client record whose tenant has none: it goes, only if it still names that tenant. */
    public boolean deleteClient(String clientId, String tenantId) {
        return conditional("dynamodb:DeleteItem", () -> target.dynamoDb().deleteItem(request -> request
                .tableName(table()).key(key(clientId)).conditionExpression("#tenant = :tenant")
                .expressionAttributeNames(names("#tenant"))
                .expressionAttributeValues(Map.of(":tenant", s(tenantId)))));
    }

    /** The tenant's API key, set where it has none (or {@code previousKeyId}, one API Gateway no longer has). */
    public boolean setApiKey(String tenantId, String previousKeyId, String apiKeyId, String apiKeyValue, String now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":keyId", s(apiKeyId), ":keyValue", s(apiKeyValue),
                ":now", s(now), ":one", n(1)));
        String condition = "attribute_exists(#key) AND attribute_not_exists(#pending) AND ";
        if (previousKeyId == null) {
            condition += "attribute_not_exists(#keyId)";
        } else {
            condition += "#keyId = :previous";
            values.put(":previous", s(previousKeyId));
        }
        return update(tenantId, "SET #keyId = :keyId, #keyValue = :keyValue, #updated = :now ADD #version :one",
                condition, values);
    }

    // ---- plumbing ----

    private TransactWriteItem putClient(ClientRecord client) {
        return TransactWriteItem.builder().put(put -> put.tableName(table())
                .item(Map.of(PARTITION_KEY, s(client.clientId()), TENANT_ID, s(client.tenantId()),
                        CREATED_AT, s(client.createdAt())))
                .conditionExpression("attribute_not_exists(#key)").expressionAttributeNames(names("#key"))).build();
    }

    private TransactWriteItem updateTenant(String tenantId, String update, String condition,
            Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(item -> item.tableName(table())
                .key(key(TenantRegistryTable.tenantRecordKey(tenantId)))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names(update, condition)).expressionAttributeValues(values)).build();
    }

    private boolean update(String tenantId, String update, String condition, Map<String, AttributeValue> values) {
        return conditional("dynamodb:UpdateItem", () -> target.dynamoDb().updateItem(request -> request
                .tableName(table()).key(key(TenantRegistryTable.tenantRecordKey(tenantId)))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names(update, condition)).expressionAttributeValues(values)));
    }

    /** @return false when a condition did not hold (the transaction did nothing) */
    private boolean transact(TransactWriteItem... items) {
        try {
            call("dynamodb:TransactWriteItems", () -> target.dynamoDb()
                    .transactWriteItems(request -> request.transactItems(items)));
            return true;
        } catch (ConditionalFailure e) {
            return false;
        }
    }

    /** @return false when the condition did not hold */
    private boolean conditional(String action, Supplier<?> write) {
        try {
            call(action, write);
            return true;
        } catch (ConditionalFailure e) {
            return false;
        }
    }

    private <T> T call(String action, Supplier<T> call) {
        AwsCall named = target.call(action, "table " + table(), POLICY);
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw new ConditionalFailure();
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                throw new ConditionalFailure();
            }
            if (e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .anyMatch(reason -> "TransactionConflict".equals(reason.code()))) {
                throw conflict(action);
            }
            throw named.failure(e);
        } catch (TransactionConflictException e) {
            throw conflict(action);
        } catch (SdkException e) {
            throw named.failure(e);
        }
    }

    /** DynamoDB kept refusing the write because another one of the same item was under way (after the retries). */
    private CommandFailure conflict(String action) {
        return CommandFailure.conflict(action + " on table " + table() + " kept meeting another command's write of the"
                + " same tenant: nothing was changed by this call; try again");
    }

    /** A condition that did not hold: the answer "no", not a failure. */
    private static final class ConditionalFailure extends RuntimeException {
        ConditionalFailure() {
            super(null, null, false, false);
        }
    }

    private String table() {
        return target.registryTableName();
    }

    /** The expression names the expressions use. */
    static Map<String, String> names(String... expressions) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String expression : expressions) {
            Matcher matcher = NAME.matcher(expression);
            while (matcher.find()) {
                String name = NAMES.get(matcher.group());
                if (name != null) {
                    names.put(matcher.group(), name);
                }
            }
        }
        return names;
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(PARTITION_KEY, s(key));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue ss(String value) {
        return AttributeValue.fromSs(List.of(value));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static TenantRecord tenant(Map<String, AttributeValue> item) {
        AttributeValue version = item.get(VERSION);
        AttributeValue clientIds = item.get(CLIENT_IDS);
        String key = text(item, PARTITION_KEY);
        String tenantId = item.containsKey(TENANT_ID) ? text(item, TENANT_ID)
                : key.substring(TENANT_RECORD_PREFIX.length());
        return new TenantRecord(tenantId, text(item, STATUS), text(item, PLAN), text(item, CREATED_AT),
                text(item, UPDATED_AT), version == null || version.n() == null ? 0 : Long.parseLong(version.n()),
                clientIds == null || !clientIds.hasSs() ? Set.of() : Set.copyOf(clientIds.ss()),
                text(item, API_KEY_ID), text(item, API_KEY_VALUE), text(item, PENDING_OPERATION),
                text(item, PENDING_ID), text(item, PENDING_SINCE), text(item, PENDING_PLAN));
    }

    static ClientRecord client(Map<String, AttributeValue> item) {
        return new ClientRecord(text(item, PARTITION_KEY), text(item, TENANT_ID), text(item, CREATED_AT),
                text(item, STATUS));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
