package invoicegroups.infra;

import java.util.Collection;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.apigateway.IUsagePlan;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Managed policies for people and pipelines, attached by the platform team (the stack attaches them to nobody):
 * exactly what the ops jar's {@code tenants} and {@code import} commands call, on this stack's resources only
 * (README, "Operator commands", "IAM: what the operator policy must hold").
 *
 * <p>API Gateway's management API is authorised by HTTP verb on the resource path as ARN
 * ({@code arn:aws:apigateway:<region>::/apikeys}, https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html):
 * API keys are account-wide resources (the command creates and deletes only its own, named
 * {@code invoice-groups/<restApiId>/<tenant>}), usage-plan keys only in this stack's usage plans.
 */
final class OperatorPolicies extends Construct {

    /** What {@code tenants} calls on the user pool: create, delete, describe and list app clients. */
    static final List<String> APP_CLIENT_ACTIONS = List.of(
            "cognito-idp:CreateUserPoolClient",
            "cognito-idp:DeleteUserPoolClient",
            "cognito-idp:DescribeUserPoolClient",
            "cognito-idp:ListUserPoolClients");
    /**
     * What {@code tenants} does to the registry's items: reads (GetItem, BatchGetItem), scans (list, check), writes.
     * TransactWriteItems has no action of its own: its Put, Update and Delete need PutItem, UpdateItem and DeleteItem
     * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html). No Query, no index,
     * no ConditionCheckItem: the command uses none.
     */
    static final List<String> REGISTRY_ITEM_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:BatchGetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Scan");
    /** CreateApiKey (POST) and GetApiKeys (GET) on /apikeys. */
    static final List<String> API_KEYS_ACTIONS = List.of("apigateway:POST", "apigateway:GET");
    /** DeleteApiKey on /apikeys/{id}. */
    static final String DELETE_ACTION = "apigateway:DELETE";
    /** GetUsagePlans on /usageplans: the command finds this API's usage plans by their stages. */
    static final String GET_ACTION = "apigateway:GET";
    /** CreateUsagePlanKey (POST) and GetUsagePlanKeys (GET) on /usageplans/{id}/keys. */
    static final List<String> USAGE_PLAN_KEYS_ACTIONS = List.of("apigateway:POST", "apigateway:GET");
    /** What {@code import FILE} does to the invoice groups table. */
    static final List<String> IMPORT_ACTIONS = List.of("dynamodb:BatchWriteItem");
    /** Both commands find the pool, tables and REST API from this stack's outputs. */
    static final String READ_OUTPUTS_ACTION = "cloudformation:DescribeStacks";

    final ManagedPolicy tenantOperator;
    final ManagedPolicy dataImport;

    OperatorPolicies(Construct scope, String id, IUserPool pool, TenantRegistryStore registry, ITableV2 invoiceGroups,
                     Collection<? extends IUsagePlan> usagePlans) {
        super(scope, id);
        List<String> usagePlanKeys = usagePlans.stream().map(plan -> apiGateway("/usageplans/" + plan.getUsagePlanId() + "/keys")).toList();
        List<String> usagePlanKey = usagePlans.stream().map(plan -> apiGateway("/usageplans/" + plan.getUsagePlanId() + "/keys/*")).toList();
        this.tenantOperator = ManagedPolicy.Builder.create(this, "TenantOperatorPolicy")
                .description("Onboard, suspend, resume, rotate, re-plan, check and remove tenants of the invoice groups API"
                        + " (java -jar ops/target/invoice-groups-ops.jar tenants ...)")
                .statements(List.of(
                        statement("ManageTenantAppClients", APP_CLIENT_ACTIONS, List.of(pool.getUserPoolArn())),
                        statement("ManageTenantRegistry", REGISTRY_ITEM_ACTIONS, List.of(registry.table.getTableArn())),
                        statement("CreateAndListApiKeys", API_KEYS_ACTIONS, List.of(apiGateway("/apikeys"))),
                        statement("DeleteApiKeys", List.of(DELETE_ACTION), List.of(apiGateway("/apikeys/*"))),
                        statement("FindUsagePlans", List.of(GET_ACTION), List.of(apiGateway("/usageplans"))),
                        statement("PutKeysInUsagePlans", USAGE_PLAN_KEYS_ACTIONS, usagePlanKeys),
                        statement("TakeKeysOutOfUsagePlans", List.of(DELETE_ACTION), usagePlanKey),
                        readStackOutputs()))
                .build();
        this.dataImport = ManagedPolicy.Builder.create(this, "DataImportPolicy")
                .description("Load invoice groups into the table (java -jar ops/target/invoice-groups-ops.jar import ...)")
                .statements(List.of(
                        statement("WriteInvoiceGroups", IMPORT_ACTIONS, List.of(invoiceGroups.getTableArn())),
                        readStackOutputs()))
                .build();
    }

    /** An API Gateway resource path in this stack's region, as IAM names it. */
    static String apiGateway(String path) {
        return "arn:" + Aws.PARTITION + ":apigateway:" + Aws.REGION + "::" + path;
    }

    private static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).actions(actions).resources(resources).build();
    }

    private static PolicyStatement readStackOutputs() {
        return statement("ReadStackOutputs", List.of(READ_OUTPUTS_ACTION), List.of(Aws.STACK_ID));
    }
}
