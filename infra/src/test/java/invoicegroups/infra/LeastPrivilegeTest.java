package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Each role's and each managed policy's exact statements: actions and resources. */
class LeastPrivilegeTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;
    private static final Object STACK_ID = Map.of("Ref", "AWS::StackId");

    private static String invoiceGroupsTableId() {
        return DEFAULTS.logicalId("AWS::DynamoDB::GlobalTable", TableTest.invoiceGroupsTable().get("Properties"));
    }

    private static String registryTableId() {
        return DEFAULTS.logicalId("AWS::DynamoDB::GlobalTable", TableTest.registryTable().get("Properties"));
    }

    private static Object arnOf(String logicalId) {
        return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
    }

    @Test
    void theListFunctionMayQueryItsTableWriteItsOwnLogsAndSendTracesAndNothingElse() {
        Map<String, Object> function = functionWithHandler(ListInvoiceGroupsFunction.HANDLER);
        String logGroupId = at(function, "Properties", "LoggingConfig", "LogGroup", "Ref");
        assertThat(statementsOfRole(at(function, "Properties", "Role", "Fn::GetAtt", 0))).containsExactlyInAnyOrder(
                Map.of("Sid", "WriteOwnLogGroup", "Effect", "Allow",
                        "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"), "Resource", arnOf(logGroupId)),
                Map.of("Sid", "QueryInvoiceGroups", "Effect", "Allow",
                        "Action", "dynamodb:Query", "Resource", arnOf(invoiceGroupsTableId())),
                Map.of("Effect", "Allow",
                        "Action", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), "Resource", "*"));
    }

    @Test
    void theTriggerMayOnlyGetItemsOfTheRegistryAndWriteItsOwnLogs() {
        Map<String, Object> function = functionWithHandler(TokenCustomizerFunction.HANDLER);
        String logGroupId = at(function, "Properties", "LoggingConfig", "LogGroup", "Ref");
        assertThat(statementsOfRole(at(function, "Properties", "Role", "Fn::GetAtt", 0))).containsExactlyInAnyOrder(
                Map.of("Sid", "WriteOwnLogGroup", "Effect", "Allow",
                        "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"), "Resource", arnOf(logGroupId)),
                Map.of("Sid", "ReadTenantRegistry", "Effect", "Allow",
                        "Action", "dynamodb:GetItem", "Resource", arnOf(registryTableId())));
    }

    @Test
    void theAuthorizerMayOnlyBatchGetItemsOfTheRegistryAndWriteItsOwnLogs() {
        Map<String, Object> function = functionWithHandler(AuthorizerFunction.HANDLER);
        String logGroupId = at(function, "Properties", "LoggingConfig", "LogGroup", "Ref");
        assertThat(statementsOfRole(at(function, "Properties", "Role", "Fn::GetAtt", 0))).containsExactlyInAnyOrder(
                Map.of("Sid", "WriteOwnLogGroup", "Effect", "Allow",
                        "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"), "Resource", arnOf(logGroupId)),
                Map.of("Sid", "ReadTenantRegistry", "Effect", "Allow",
                        "Action", "dynamodb:BatchGetItem", "Resource", arnOf(registryTableId())));
    }

    @Test
    void codeDeployMayOnlyShiftTheLiveAliasAndReadItsRollbackAlarms() {
        String roleId = DEFAULTS.logicalId("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument",
                Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "codedeploy.amazonaws.com")))))))));
        List<Object> alarmArns = RolloutTest.rollbackAlarmIds().stream().map(LeastPrivilegeTest::arnOf).toList();
        assertThat(alarmArns).hasSize(3);
        List<Map<String, Object>> statements = statementsOfRole(roleId);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).containsEntry("Sid", "ShiftLiveAlias")
                .containsEntry("Action", SafeRollout.ALIAS_ACTIONS)
                .containsEntry("Resource", List.of(arnOf(ListFunctionTest.listFunctionId()), Map.of("Ref", ListFunctionTest.listAliasId())));
        assertThat(statements.get(1)).containsEntry("Sid", "ReadRollbackAlarms")
                .containsEntry("Action", "cloudwatch:DescribeAlarms");
        assertThat((List<Object>) statements.get(1).get("Resource")).containsExactlyInAnyOrderElementsOf(alarmArns);
        assertThat((Map<String, Object>) at(DEFAULTS.resources("AWS::IAM::Role").get(roleId), "Properties"))
                .doesNotContainKeys("ManagedPolicyArns", "Policies");
    }

    /**
     * Exactly what the ops jar's tenants command calls (README, Operator commands, "IAM: what the operator policy must
     * hold"): app clients on this pool; registry items (no Query, no index, no ConditionCheckItem); API keys; this
     * stack's usage plans and the keys in them; this stack's outputs.
     */
    @Test
    void theTenantOperatorPolicyIsExactlyWhatTheTenantsCommandCallsOnThisStacksResources() {
        String poolId = DEFAULTS.resources("AWS::Cognito::UserPool").keySet().iterator().next();
        List<Object> planKeys = new ArrayList<>();
        List<Object> planKey = new ArrayList<>();
        for (String usagePlanId : DEFAULTS.resources("AWS::ApiGateway::UsagePlan").keySet()) {
            planKeys.add(apiGateway("/usageplans/", Map.of("Ref", usagePlanId), "/keys"));
            planKey.add(apiGateway("/usageplans/", Map.of("Ref", usagePlanId), "/keys/*"));
        }
        assertThat(planKeys).hasSize(2);
        List<Map<String, Object>> statements = managedPolicyStatements("TenantOperatorPolicy");
        assertThat(statements).extracting(statement -> statement.get("Sid")).containsExactly("ManageTenantAppClients",
                "ManageTenantRegistry", "CreateAndListApiKeys", "DeleteApiKeys", "FindUsagePlans", "PutKeysInUsagePlans",
                "TakeKeysOutOfUsagePlans", "ReadStackOutputs");
        assertThat(statements.subList(0, 5)).containsExactly(
                Map.of("Sid", "ManageTenantAppClients", "Effect", "Allow", "Action", List.of(
                        "cognito-idp:CreateUserPoolClient", "cognito-idp:DeleteUserPoolClient",
                        "cognito-idp:DescribeUserPoolClient", "cognito-idp:ListUserPoolClients"),
                        "Resource", arnOf(poolId)),
                Map.of("Sid", "ManageTenantRegistry", "Effect", "Allow", "Action", List.of(
                        "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem", "dynamodb:Scan"),
                        "Resource", arnOf(registryTableId())),
                Map.of("Sid", "CreateAndListApiKeys", "Effect", "Allow", "Action", List.of("apigateway:POST", "apigateway:GET"),
                        "Resource", apiGateway("/apikeys")),
                Map.of("Sid", "DeleteApiKeys", "Effect", "Allow", "Action", "apigateway:DELETE",
                        "Resource", apiGateway("/apikeys/*")),
                Map.of("Sid", "FindUsagePlans", "Effect", "Allow", "Action", "apigateway:GET",
                        "Resource", apiGateway("/usageplans")));
        assertThat(statements.get(5)).containsEntry("Action", List.of("apigateway:POST", "apigateway:GET"));
        assertThat((List<Object>) statements.get(5).get("Resource")).containsExactlyInAnyOrderElementsOf(planKeys);
        assertThat(statements.get(6)).containsEntry("Action", "apigateway:DELETE");
        assertThat((List<Object>) statements.get(6).get("Resource")).containsExactlyInAnyOrderElementsOf(planKey);
        assertThat(statements.get(7)).isEqualTo(Map.of("Sid", "ReadStackOutputs", "Effect", "Allow",
                "Action", "cloudformation:DescribeStacks", "Resource", STACK_ID));
    }

    /** API Gateway's resource ARN of a management path in the stack's region. */
    private static Object apiGateway(Object... path) {
        List<Object> parts = new ArrayList<>(List.of("arn:", Map.of("Ref", "AWS::Partition"), ":apigateway:",
                Map.of("Ref", "AWS::Region")));
        if (path.length == 1) {
            parts.add("::" + path[0]);
        } else {
            parts.add("::" + path[0]);
            parts.add(path[1]);
            parts.add(path[2]);
        }
        return Map.of("Fn::Join", List.of("", parts));
    }

    @Test
    void theDataImportPolicyIsExactlyBatchWritesToTheInvoiceGroupsTableAndThisStacksOutputs() {
        assertThat(managedPolicyStatements("DataImportPolicy")).containsExactly(
                Map.of("Sid", "WriteInvoiceGroups", "Effect", "Allow",
                        "Action", "dynamodb:BatchWriteItem",
                        "Resource", arnOf(invoiceGroupsTableId())),
                Map.of("Sid", "ReadStackOutputs", "Effect", "Allow", "Action", "cloudformation:DescribeStacks",
                        "Resource", STACK_ID));
    }

    @Test
    void theManagedPoliciesAreAttachedToNobodyAndTheirArnsAreOutputs() {
        assertThat(DEFAULTS.resources("AWS::IAM::ManagedPolicy")).hasSize(2).allSatisfy((id, policy) ->
                assertThat((Map<String, Object>) at(policy, "Properties")).doesNotContainKeys("Roles", "Users", "Groups"));
        DEFAULTS.template().hasOutput("TenantOperatorPolicyArn", Map.of("Value", Map.of("Ref", managedPolicyId("TenantOperatorPolicy"))));
        DEFAULTS.template().hasOutput("DataImportPolicyArn", Map.of("Value", Map.of("Ref", managedPolicyId("DataImportPolicy"))));
    }

    @Test
    void rolesGetDynamoDbQueryGetItemAndBatchGetItemOnlyAndNoWildcardButTheXRayTwo() {
        List<Map<String, Object>> statements = new ArrayList<>();
        DEFAULTS.resources("AWS::IAM::Policy").values()
                .forEach(policy -> statements.addAll(at(policy, "Properties", "PolicyDocument", "Statement")));
        assertThat(statements.stream().flatMap(statement -> actions(statement).stream())
                .filter(action -> action.startsWith("dynamodb:")).distinct())
                .containsExactlyInAnyOrder("dynamodb:Query", "dynamodb:GetItem", "dynamodb:BatchGetItem");
        assertThat(statements.stream().filter(statement -> actions(statement).stream().anyMatch(action -> action.contains("*"))
                        || "*".equals(statement.get("Resource"))))
                .isNotEmpty()
                .allSatisfy(statement -> assertThat(actions(statement))
                        .containsExactly("xray:PutTraceSegments", "xray:PutTelemetryRecords"));
    }

    @Test
    void onlyApiGatewaysAccountLoggingRoleCarriesAnAwsManagedPolicy() {
        Map<String, Map<String, Object>> roles = DEFAULTS.resources("AWS::IAM::Role");
        assertThat(roles).hasSize(5);
        List<Object> withManagedPolicies = roles.values().stream()
                .filter(role -> at(role, "Properties", "ManagedPolicyArns") != null)
                .map(role -> at(role, "Properties", "ManagedPolicyArns"))
                .toList();
        assertThat(withManagedPolicies).containsExactly(List.of(Map.of("Fn::Join", List.of("", List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs")))));
        assertThat(roles.values()).allSatisfy(role ->
                assertThat((Map<String, Object>) at(role, "Properties")).doesNotContainKey("Policies"));
    }

    private static String managedPolicyId(String name) {
        List<String> ids = DEFAULTS.resources("AWS::IAM::ManagedPolicy").keySet().stream()
                .filter(id -> id.startsWith("Operators" + name)).toList();
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static List<Map<String, Object>> managedPolicyStatements(String name) {
        return at(DEFAULTS.resources("AWS::IAM::ManagedPolicy").get(managedPolicyId(name)), "Properties", "PolicyDocument", "Statement");
    }

    private static Map<String, Object> functionWithHandler(String handler) {
        return DEFAULTS.resources("AWS::Lambda::Function").values().stream()
                .filter(function -> handler.equals(at(function, "Properties", "Handler")))
                .findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> statementsOfRole(String roleId) {
        List<Map<String, Object>> statements = new ArrayList<>();
        DEFAULTS.resources("AWS::IAM::Policy").values().stream()
                .filter(policy -> ((List<?>) at(policy, "Properties", "Roles")).contains(Map.of("Ref", roleId)))
                .forEach(policy -> statements.addAll(at(policy, "Properties", "PolicyDocument", "Statement")));
        assertThat(statements).as("statements of role " + roleId).isNotEmpty();
        return statements;
    }

    private static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? list.stream().map(String::valueOf).toList() : Stream.of(String.valueOf(action)).toList();
    }
}
