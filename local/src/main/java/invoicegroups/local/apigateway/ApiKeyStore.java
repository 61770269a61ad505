package invoicegroups.local.apigateway;

import invoicegroups.table.LocalRunner;
import invoicegroups.table.TenantApiKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * The account's API keys and which usage plan of the stage holds each, as API Gateway keeps them: kept in a table of
 * the runner's own in DynamoDB Local (so {@code --data-dir} keeps them between runs), and in memory, where the front
 * looks a key up by its value on every request without a DynamoDB call. Every change is written to the table first,
 * then to memory, one change at a time (changes are rare: API Gateway allows 5 CreateApiKey a second), so the two
 * never disagree; lookups take no lock.
 *
 * <p>The rules API Gateway applies: at most {@value TenantApiKey#MAX_KEYS_PER_REGION} keys (then CreateApiKey answers
 * {@code LimitExceededException}); a value is unique and at least 20 characters; a key is in at most one usage plan
 * of an API stage ({@code ConflictException} otherwise); deleting a key takes it out of its usage plan.
 */
public final class ApiKeyStore {

    /** The runner's table of API keys (not one the stack has: API Gateway keeps them in the deployed setup). */
    public static final String TABLE = "local-api-keys";
    /** API Gateway refuses shorter values given to CreateApiKey. */
    static final int MIN_VALUE_LENGTH = 20;
    static final int MAX_VALUE_LENGTH = 128;

    private static final String ID = "id";
    private static final String NAME = "name";
    private static final String DESCRIPTION = "description";
    private static final String VALUE = "value";
    private static final String ENABLED = "enabled";
    private static final String CREATED = "createdDate";
    private static final String UPDATED = "lastUpdatedDate";
    private static final String USAGE_PLAN = "usagePlanId";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final int maxKeys;
    private final SecureRandom random = new SecureRandom();
    private final NavigableMap<String, ApiKey> byId = new ConcurrentSkipListMap<>();
    private final Map<String, ApiKey> byValue = new ConcurrentHashMap<>();

    /** Creates the table if it does not exist yet, and reads every key kept in it. */
    public ApiKeyStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this(dynamoDb, tableName, clock, TenantApiKey.MAX_KEYS_PER_REGION);
    }

    ApiKeyStore(DynamoDbClient dynamoDb, String tableName, Clock clock, int maxKeys) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
        this.maxKeys = maxKeys;
        try {
            dynamoDb.createTable(table -> table
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(ID).attributeType("S").build())
                    .keySchema(KeySchemaElement.builder().attributeName(ID).keyType(KeyType.HASH).build()));
        } catch (ResourceInUseException kept) {
            // From an earlier run (--data-dir): keep its keys.
        }
        dynamoDb.scanPaginator(scan -> scan.tableName(tableName).consistentRead(true)).items()
                .forEach(item -> remember(key(item)));
    }

    /**
     * CreateApiKey.
     *
     * @param value the caller's, or {@code null} for one made here (40 letters and digits, as API Gateway makes)
     */
    public synchronized ApiKey create(String name, String description, boolean enabled, String value) {
        if (byId.size() >= maxKeys) {
            throw new ManagementException(ManagementException.Type.LIMIT_EXCEEDED, "API Key limit exceeded");
        }
        if (value != null) {
            if (value.length() < MIN_VALUE_LENGTH || value.length() > MAX_VALUE_LENGTH) {
                throw ManagementException.badRequest("API Key value should be at least " + MIN_VALUE_LENGTH
                        + " and at most " + MAX_VALUE_LENGTH + " characters");
            }
            if (byValue.containsKey(value)) {
                throw ManagementException.conflict("API Key value already exists");
            }
        }
        String id;
        do {
            id = random(LOWER, 10);
        } while (byId.containsKey(id));
        String keyValue = value;
        while (keyValue == null || byValue.containsKey(keyValue)) {
            keyValue = random(LETTERS, 40);
        }
        Instant now = clock.instant();
        ApiKey key = new ApiKey(id, name, description, keyValue, enabled, now, now, Optional.empty());
        dynamoDb.putItem(put -> put.tableName(tableName).item(item(key))
                .conditionExpression("attribute_not_exists(" + ID + ")"));
        remember(key);
        return key;
    }

    public Optional<ApiKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The key a caller presents, looked up in memory (no DynamoDB call). */
    public Optional<ApiKey> byValue(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(byValue.get(value));
    }

    /** UpdateApiKey's changes: name, description, enabled. */
    public synchronized ApiKey update(String id, String name, String description, boolean enabled) {
        ApiKey key = required(id);
        return store(key.with(name, description, enabled, clock.instant()));
    }

    /** DeleteApiKey: the key, and with it its place in a usage plan. */
    public synchronized void delete(String id) {
        ApiKey key = required(id);
        dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(Map.of(ID, s(key.id()))));
        byId.remove(key.id());
        byValue.remove(key.value());
    }

    /** CreateUsagePlanKey: the key into the usage plan, unless it is in one of the stage already. */
    public synchronized ApiKey attach(UsagePlan plan, String keyId) {
        ApiKey key = required(keyId);
        if (key.usagePlanId().isPresent()) {
            throw ManagementException.conflict("Usage Plan " + plan.id() + " cannot be added because API Key "
                    + key.id() + " cannot reference multiple Usage Plans with the same API Stage: "
                    + LocalRunner.REST_API_ID + ":" + LocalRunner.STAGE);
        }
        return store(key.withUsagePlan(Optional.of(plan.id()), clock.instant()));
    }

    /** DeleteUsagePlanKey: the key out of the usage plan; not found when it is not in it. */
    public synchronized void detach(UsagePlan plan, String keyId) {
        ApiKey key = byId.get(keyId);
        if (key == null || !key.usagePlanId().equals(Optional.of(plan.id()))) {
            throw ManagementException.notFound("Invalid Usage Plan Key identifier specified");
        }
        store(key.withUsagePlan(Optional.empty(), clock.instant()));
    }

    /**
     * A page of the keys that {@code filter} lets through, in id order.
     *
     * @param after the id the previous page ended with, if any
     */
    public Page page(Predicate<ApiKey> filter, Optional<String> after, int limit) {
        Map<String, ApiKey> from = after.map(id -> byId.tailMap(id, false)).orElse(byId);
        List<ApiKey> keys = new ArrayList<>();
        for (ApiKey key : from.values()) {
            if (!filter.test(key)) {
                continue;
            }
            if (keys.size() == limit) {
                return new Page(keys, Optional.of(keys.get(keys.size() - 1).id()));
            }
            keys.add(key);
        }
        return new Page(keys, Optional.empty());
    }

    /** One page, and the id to continue after if there are more. */
    public record Page(List<ApiKey> keys, Optional<String> lastId) {
    }

    private ApiKey required(String id) {
        ApiKey key = id == null ? null : byId.get(id);
        if (key == null) {
            throw ManagementException.notFound("Invalid API Key identifier specified");
        }
        return key;
    }

    private ApiKey store(ApiKey key) {
        dynamoDb.putItem(put -> put.tableName(tableName).item(item(key))
                .conditionExpression("attribute_exists(" + ID + ")"));
        remember(key);
        return key;
    }

    private void remember(ApiKey key) {
        byId.put(key.id(), key);
        byValue.put(key.value(), key);
    }

    private String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static Map<String, AttributeValue> item(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(key.id()));
        if (key.name() != null) {
            item.put(NAME, s(key.name()));
        }
        if (key.description() != null) {
            item.put(DESCRIPTION, s(key.description()));
        }
        item.put(VALUE, s(key.value()));
        item.put(ENABLED, AttributeValue.fromBool(key.enabled()));
        item.put(CREATED, n(key.createdDate()));
        item.put(UPDATED, n(key.lastUpdatedDate()));
        key.usagePlanId().ifPresent(plan -> item.put(USAGE_PLAN, s(plan)));
        return item;
    }

    private static ApiKey key(Map<String, AttributeValue> item) {
        return new ApiKey(item.get(ID).s(), text(item, NAME), text(item, DESCRIPTION), item.get(VALUE).s(),
                Boolean.TRUE.equals(item.get(ENABLED).bool()), instant(item.get(CREATED)), instant(item.get(UPDATED)),
                Optional.ofNullable(text(item, USAGE_PLAN)));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private static Instant instant(AttributeValue millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis.n()));
    }
}
