package invoicegroups.infra;

import invoicegroups.table.TenantRegistryTable;
import java.util.List;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * The tenant registry: tenant records (status, plan, API key, clients) and client records (app client id to tenant),
 * written by the {@code tenants} command, read by the token trigger and the Lambda authorizer. Keys and index from
 * {@link TenantRegistryTable}, the one definition the trigger, the authorizer, the command and the local runner use
 * too. Nothing per tenant is in the template: tenants are items, added at run time. The byTenant index stays for
 * console lookups; no role of the stack reads it.
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

    private static Attribute key(String name) {
        return InvoiceGroupsStore.key(name, TenantRegistryTable.KEY_TYPE);
    }
}
