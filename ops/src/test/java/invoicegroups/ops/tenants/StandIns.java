package invoicegroups.ops.tenants;

import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.ops.Outcome;
import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.deployment.Retries;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the tenants tests run against: a real DynamoDB Local (one per test JVM, the registry table created anew for
 * each test) behind {@link CognitoStandIn}, which also serves {@link ApiGatewayStandIn}, on one loopback port as the
 * local runner does.
 */
final class StandIns implements AutoCloseable {

    /** Throttling retried quickly: 4 attempts, waits under 1 and 2 ms. */
    static final Retries QUICK = new Retries(4, Duration.ofMillis(1), Duration.ofMillis(2));
    static final Environment ENVIRONMENT = new Environment(QUICK, Clock.systemUTC(), Environment.Steps.NONE);

    private static EmbeddedDynamoDb dynamoDbLocal;
    private static DynamoDbClient sharedClient;

    final DynamoDbClient dynamoDb;
    final CognitoStandIn cognito;
    final ApiGatewayStandIn apiGateway;

    private StandIns(DynamoDbClient dynamoDb, CognitoStandIn cognito) {
        this.dynamoDb = dynamoDb;
        this.cognito = cognito;
        this.apiGateway = cognito.apiGateway;
    }

    static synchronized StandIns start() {
        if (dynamoDbLocal == null) {
            dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
            sharedClient = dynamoDbLocal.newClient();
        }
        if (sharedClient.listTables().tableNames().contains(TenantRegistryTable.DEFAULT_NAME)) {
            sharedClient.deleteTable(request -> request.tableName(TenantRegistryTable.DEFAULT_NAME));
        }
        EmbeddedDynamoDb.createTenantRegistryTable(sharedClient, TenantRegistryTable.DEFAULT_NAME);
        try {
            return new StandIns(sharedClient, CognitoStandIn.start(dynamoDbLocal.endpoint()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return cognito.endpoint().toString();
    }

    /** {@code tenants <args> --endpoint <the stand-in>}, quick retries. */
    Outcome tenants(String... args) {
        return run(ENVIRONMENT, args);
    }

    Outcome run(Environment environment, String... args) {
        List<String> all = new ArrayList<>(List.of("tenants"));
        all.addAll(List.of(args));
        all.addAll(List.of("--endpoint", endpoint()));
        return Outcome.of(environment, all.toArray(String[]::new));
    }

    Map<String, AttributeValue> item(String key) {
        return dynamoDb.getItem(request -> request.tableName(TenantRegistryTable.DEFAULT_NAME)
                .key(Map.of(TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(key))).consistentRead(true))
                .item();
    }

    Map<String, AttributeValue> tenantItem(String tenantId) {
        return item(TenantRegistryTable.tenantRecordKey(tenantId));
    }

    List<Map<String, AttributeValue>> allItems() {
        return dynamoDb.scan(request -> request.tableName(TenantRegistryTable.DEFAULT_NAME).consistentRead(true))
                .items();
    }

    void putItem(Map<String, AttributeValue> item) {
        dynamoDb.putItem(request -> request.tableName(TenantRegistryTable.DEFAULT_NAME).item(item));
    }

    /** Everything the tenants command can change, as text: equal snapshots mean nothing changed. */
    String snapshot() {
        Map<String, String> registry = new TreeMap<>();
        for (Map<String, AttributeValue> item : allItems()) {
            registry.put(item.get(TenantRegistryTable.PARTITION_KEY).s(), new TreeMap<>(item).toString());
        }
        Map<String, String> keys = new TreeMap<>();
        apiGateway.keys.values().forEach(key -> keys.put(key.id(), key.name() + " in " + apiGateway.plansOf(key.id())));
        return "registry " + registry + "\napp clients " + new TreeSet<>(cognito.clients.keySet()) + "\napi keys "
                + keys;
    }

    @Override
    public void close() {
        cognito.close();
    }
}
