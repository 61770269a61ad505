package invoicegroups.bench;

import invoicegroups.data.TenantInvoiceGroup;
import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.local.data.InvoiceGroupGenerator;
import invoicegroups.local.data.InvoiceGroupLoader;
import invoicegroups.table.InvoiceGroupsTable;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB Local in its own JVM for the benchmark: creates the table, loads the tenants with the local runner's
 * generator, registers the benchmark's app client and its tenant in the tenant registry (as {@code tenants add} does:
 * a tenant record and a client record), warms itself up with a few queries, prints {@code READY <endpoint>} and
 * serves until its standard input
 * closes (the harness exiting ends it too).
 *
 * <p>Arguments: the realistic tenant and its size, the deep tenant and its size.
 */
public final class DataServer {

    public static final String READY = "READY ";

    private DataServer() {
    }

    public static void main(String[] args) throws IOException {
        String tenant = args[0];
        int tenantSize = Integer.parseInt(args[1]);
        String deepTenant = args[2];
        int deepTenantSize = Integer.parseInt(args[3]);
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory();
                DynamoDbClient client = dynamoDb.newClient()) {
            EmbeddedDynamoDb.createInvoiceGroupsTable(client, InvoiceGroupsTable.DEFAULT_NAME);
            InvoiceGroupLoader loader = new InvoiceGroupLoader(client, InvoiceGroupsTable.DEFAULT_NAME);
            Stream<TenantInvoiceGroup> groups = Stream.concat(
                    InvoiceGroupGenerator.invoiceGroups(tenant, tenantSize)
                            .map(group -> new TenantInvoiceGroup(tenant, group)),
                    InvoiceGroupGenerator.invoiceGroups(deepTenant, deepTenantSize)
                            .map(group -> new TenantInvoiceGroup(deepTenant, group)));
            long loaded = loader.load(groups.iterator(), total -> { });
            // The token trigger's and the authorizer's registry: the realistic tenant, active, with one app client.
            EmbeddedDynamoDb.createTenantRegistryTable(client, TenantRegistryTable.DEFAULT_NAME);
            client.putItem(put -> put.tableName(TenantRegistryTable.DEFAULT_NAME).item(Map.of(
                    TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(TenantRegistryTable.tenantRecordKey(tenant)),
                    TenantRegistryTable.TENANT_ID, AttributeValue.fromS(tenant),
                    TenantRegistryTable.STATUS, AttributeValue.fromS(TenantRegistryTable.ACTIVE),
                    TenantRegistryTable.PLAN, AttributeValue.fromS("standard"),
                    TenantRegistryTable.VERSION, AttributeValue.fromN("1"),
                    TenantRegistryTable.CLIENT_IDS, AttributeValue.fromSs(java.util.List.of(Benchmark.TRIGGER_CLIENT_ID)),
                    TenantRegistryTable.API_KEY_ID, AttributeValue.fromS("bench-key-id"),
                    TenantRegistryTable.API_KEY_VALUE, AttributeValue.fromS("bench-key-value"),
                    TenantRegistryTable.CREATED_AT, AttributeValue.fromS("2026-01-01T00:00:00Z"))));
            client.putItem(put -> put.tableName(TenantRegistryTable.DEFAULT_NAME).item(Map.of(
                    TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(Benchmark.TRIGGER_CLIENT_ID),
                    TenantRegistryTable.TENANT_ID, AttributeValue.fromS(tenant),
                    TenantRegistryTable.CREATED_AT, AttributeValue.fromS("2026-01-01T00:00:00Z"))));
            for (int i = 0; i < 200; i++) {
                client.query(query -> query.tableName(InvoiceGroupsTable.DEFAULT_NAME)
                        .keyConditionExpression("tenantId = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant)))
                        .limit(21));
            }
            System.out.println(READY + dynamoDb.endpoint() + " items=" + loaded);
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the harness closes our standard input
            }
        }
        // DynamoDB Local leaves non-daemon threads behind.
        System.exit(0);
    }
}
