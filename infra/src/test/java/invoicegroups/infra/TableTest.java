package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.table.InvoiceGroupsTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    @Test
    void keySchemaComesFromTheSharedTableDefinition() {
        DEFAULTS.template().hasResourceProperties("AWS::DynamoDB::GlobalTable", Map.of(
                "KeySchema", List.of(
                        Map.of("AttributeName", InvoiceGroupsTable.PARTITION_KEY, "KeyType", "HASH"),
                        Map.of("AttributeName", InvoiceGroupsTable.SORT_KEY, "KeyType", "RANGE")),
                "AttributeDefinitions", List.of(
                        Map.of("AttributeName", InvoiceGroupsTable.PARTITION_KEY, "AttributeType", InvoiceGroupsTable.KEY_TYPE),
                        Map.of("AttributeName", InvoiceGroupsTable.SORT_KEY, "AttributeType", InvoiceGroupsTable.KEY_TYPE))));
    }

    @Test
    void tableIsOnDemandWithPointInTimeRecovery() {
        Map<String, Object> table = DEFAULTS.only("AWS::DynamoDB::GlobalTable");
        assertThat((Object) at(table, "Properties", "BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat((Object) at(table, "Properties", "Replicas", 0, "PointInTimeRecoverySpecification"))
                .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
    }

    @Test
    void tableIsDeletionProtectedAndRetainedByDefault() {
        Map<String, Object> table = DEFAULTS.only("AWS::DynamoDB::GlobalTable");
        assertThat((Object) at(table, "Properties", "Replicas", 0, "DeletionProtectionEnabled")).isEqualTo(true);
        assertThat(table).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
    }

    @Test
    void tableHasNoIndexesOrStreamsTheFunctionDoesNotUse() {
        Map<String, Object> properties = at(DEFAULTS.only("AWS::DynamoDB::GlobalTable"), "Properties");
        assertThat(properties).doesNotContainKeys("GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification");
    }
}
