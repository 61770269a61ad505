package invoicegroups.infra;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Managed policies for people and pipelines, attached by the platform team (the stack attaches them to nobody):
 * exactly what the ops jar's {@code tenants} and {@code import} commands call, on this stack's resources only.
 */
final class OperatorPolicies extends Construct {

    /** What {@code tenants add|list|suspend|resume|rotate|remove-client|remove} calls on the user pool. */
    static final List<String> APP_CLIENT_ACTIONS = List.of(
            "cognito-idp:CreateUserPoolClient",
            "cognito-idp:DeleteUserPoolClient",
            "cognito-idp:DescribeUserPoolClient",
            "cognito-idp:ListUserPoolClients");
    /** What the same commands do to the tenant registry's items (and its byTenant index); {@code list} scans it. */
    static final List<String> REGISTRY_ITEM_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Query",
            "dynamodb:Scan");
    /** What {@code import FILE} does to the invoice groups table. */
    static final List<String> IMPORT_ACTIONS = List.of("dynamodb:BatchWriteItem");
    /** Both commands find the pool and tables from this stack's outputs. */
    static final String READ_OUTPUTS_ACTION = "cloudformation:DescribeStacks";

    final ManagedPolicy tenantOperator;
    final ManagedPolicy dataImport;

    OperatorPolicies(Construct scope, String id, IUserPool pool, TenantRegistryStore registry, ITableV2 invoiceGroups) {
        super(scope, id);
        this.tenantOperator = ManagedPolicy.Builder.create(this, "TenantOperatorPolicy")
                .description("Onboard, suspend, resume, rotate and remove tenants of the invoice groups API"
                        + " (java -jar ops/target/invoice-groups-ops.jar tenants ...)")
                .statements(List.of(
                        PolicyStatement.Builder.create()
                                .sid("ManageTenantAppClients")
                                .actions(APP_CLIENT_ACTIONS)
                                .resources(List.of(pool.getUserPoolArn()))
                                .build(),
                        PolicyStatement.Builder.create()
                                .sid("ManageTenantRegistry")
                                .actions(REGISTRY_ITEM_ACTIONS)
                                .resources(List.of(registry.table.getTableArn(), registry.byTenantIndexArn()))
                                .build(),
                        readStackOutputs()))
                .build();
        this.dataImport = ManagedPolicy.Builder.create(this, "DataImportPolicy")
                .description("Load invoice groups into the table (java -jar ops/target/invoice-groups-ops.jar import ...)")
                .statements(List.of(
                        PolicyStatement.Builder.create()
                                .sid("WriteInvoiceGroups")
                                .actions(IMPORT_ACTIONS)
                                .resources(List.of(invoiceGroups.getTableArn()))
                                .build(),
                        readStackOutputs()))
                .build();
    }

    private static PolicyStatement readStackOutputs() {
        return PolicyStatement.Builder.create()
                .sid("ReadStackOutputs")
                .actions(List.of(READ_OUTPUTS_ACTION))
                .resources(List.of(Aws.STACK_ID))
                .build();
    }
}
