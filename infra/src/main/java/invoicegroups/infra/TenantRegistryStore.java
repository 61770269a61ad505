package invoicegroups.infra;

import invoicegroups.table.TenantRegistryTable;
import java.util.List;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * The tenant registry: app client id to tenant and status, written by the {@code tenants} command, read by the token
 * trigger. Keys and index from {@link TenantRegistryTable}, the one definition the trigger, the command and the local
 * runner use too. Nothing per tenant is in the template: tenants are items, added at run time.
 */
final class TenantRegistryStore extends Construct {

    final TableV2 table;

    TenantRegistryStore(Construct scope, String id, Settings settings) {
        super(scope, id);
        // Losing the registry locks every tenant out: protected like the invoice groups table.
        this.table = InvoiceGroupsStore.protectedTable(this, settings)
                .partitionKey(key(TenantRegistryTable.PARTITION_KEY))
                .globalSecondaryIndexes(List.of(GlobalSecondaryIndexPropsV2.builder()
                        .indexName(TenantRegistryTable.BY_TENANT_INDEX)
                        .partitionKey(key(TenantRegistryTable.TENANT_ID))
                        .sortKey(key(TenantRegistryTable.PARTITION_KEY))
                        .projectionType(ProjectionType.ALL)
                        .build()))
                .build();
    }

    /** The ARN of the {@value TenantRegistryTable#BY_TENANT_INDEX} index, for policies that Query it. */
    String byTenantIndexArn() {
        return table.getTableArn() + "/index/" + TenantRegistryTable.BY_TENANT_INDEX;
    }

    private static Attribute key(String name) {
        return InvoiceGroupsStore.key(name, TenantRegistryTable.KEY_TYPE);
    }
}
