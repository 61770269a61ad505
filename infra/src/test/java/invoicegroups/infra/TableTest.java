package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.table.InvoiceGroupsTable;
import invoicegroups.table.TenantRegistryTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    static Map<String, Object> invoiceGroupsTable() {
        return tableWithPartitionKey(InvoiceGroupsTable.PARTITION_KEY);
    }

    static Map<String, Object> registryTable() {
        return tableWithPartitionKey(TenantRegistryTable.PARTITION_KEY);
    }

    private static Map<String, Object> tableWithPartitionKey(String key) {
        List<Map<String, Object>> tables = DEFAULTS.resources("AWS::DynamoDB::GlobalTable").values().stream()
                .filter(table -> key.equals(at(table, "Properties", "KeySchema", 0, "AttributeName")))
                .toList();
        assertThat(tables).hasSize(1);
        return tables.get(0);
    }

    @Test
    void thereAreExactlyTheTwoTables() {
        assertThat(DEFAULTS.resources("AWS::DynamoDB::GlobalTable")).hasSize(2);
    }

    @Test
    void invoiceGroupsKeySchemaComesFromTheSharedTableDefinition() {
        Map<String, Object> properties = at(invoiceGroupsTable(), "Properties");
        assertThat((Object) properties.get("KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", InvoiceGroupsTable.PARTITION_KEY, "KeyType", "HASH"),
                Map.of("AttributeName", InvoiceGroupsTable.SORT_KEY, "KeyType", "RANGE")));
        assertThat((Object) properties.get("AttributeDefinitions")).isEqualTo(List.of(
                Map.of("AttributeName", InvoiceGroupsTable.PARTITION_KEY, "AttributeType", InvoiceGroupsTable.KEY_TYPE),
                Map.of("AttributeName", InvoiceGroupsTable.SORT_KEY, "AttributeType", InvoiceGroupsTable.KEY_TYPE)));
        assertThat(properties).doesNotContainKeys("GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification");
    }

    @Test
    void theRegistryIsKeyedByClientIdWithTheByTenantIndexFromTheSharedDefinition() {
        Map<String, Object> properties = at(registryTable(), "Properties");
        assertThat((Object) properties.get("KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", TenantRegistryTable.PARTITION_KEY, "KeyType", "HASH")));
        assertThat((List<Object>) properties.get("AttributeDefinitions")).containsExactlyInAnyOrder(
                Map.of("AttributeName", TenantRegistryTable.PARTITION_KEY, "AttributeType", TenantRegistryTable.KEY_TYPE),
                Map.of("AttributeName", TenantRegistryTable.TENANT_ID, "AttributeType", TenantRegistryTable.KEY_TYPE));
        assertThat((Object) properties.get("GlobalSecondaryIndexes")).isEqualTo(List.of(Map.of(
                "IndexName", TenantRegistryTable.BY_TENANT_INDEX,
                "KeySchema", List.of(
                        Map.of("AttributeName", TenantRegistryTable.TENANT_ID, "KeyType", "HASH"),
                        Map.of("AttributeName", TenantRegistryTable.PARTITION_KEY, "KeyType", "RANGE")),
                "Projection", Map.of("ProjectionType", "ALL"))));
        assertThat(properties).doesNotContainKeys("LocalSecondaryIndexes", "StreamSpecification");
    }

    @Test
    void bothTablesAreOnDemandWithPointInTimeRecoveryAndDeletionProtection() {
        for (Map<String, Object> table : List.of(invoiceGroupsTable(), registryTable())) {
            assertThat((Object) at(table, "Properties", "BillingMode")).isEqualTo("PAY_PER_REQUEST");
            assertThat((Object) at(table, "Properties", "Replicas", 0, "PointInTimeRecoverySpecification"))
                    .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
            assertThat((Object) at(table, "Properties", "Replicas", 0, "DeletionProtectionEnabled")).isEqualTo(true);
        }
    }
}
