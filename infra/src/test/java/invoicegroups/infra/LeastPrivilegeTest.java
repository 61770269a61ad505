package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LeastPrivilegeTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    @Test
    void theListFunctionMayQueryThisTableWriteItsOwnLogsAndSendTracesAndNothingElse() {
        String tableId = DEFAULTS.resources("AWS::DynamoDB::GlobalTable").keySet().iterator().next();
        Map<String, Object> function = functionWithHandler(ListInvoiceGroupsFunction.HANDLER);
        String logGroupId = at(function, "Properties", "LoggingConfig", "LogGroup", "Ref");

        assertThat(statementsOfRoleOf(function)).containsExactlyInAnyOrder(
                Map.of("Sid", "WriteOwnLogGroup", "Effect", "Allow",
                        "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        "Resource", Map.of("Fn::GetAtt", List.of(logGroupId, "Arn"))),
                Map.of("Sid", "QueryInvoiceGroups", "Effect", "Allow",
                        "Action", "dynamodb:Query",
                        "Resource", Map.of("Fn::GetAtt", List.of(tableId, "Arn"))),
                Map.of("Effect", "Allow",
                        "Action", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"),
                        "Resource", "*"));
    }

    @Test
    void theOnlyDynamoDbActionAnywhereIsQuery() {
        List<Object> dynamoDbActions = allStatements().stream()
                .flatMap(statement -> actions(statement).stream())
                .filter(action -> action.startsWith("dynamodb:"))
                .distinct()
                .map(Object.class::cast)
                .toList();
        assertThat(dynamoDbActions).containsExactly("dynamodb:Query");
    }

    @Test
    void noActionOrResourceIsAWildcardExceptTheXRayTwo() {
        List<Map<String, Object>> wildcards = allStatements().stream()
                .filter(statement -> actions(statement).stream().anyMatch(action -> action.contains("*"))
                        || "*".equals(statement.get("Resource")))
                .toList();
        assertThat(wildcards).allSatisfy(statement ->
                assertThat(actions(statement)).containsExactly("xray:PutTraceSegments", "xray:PutTelemetryRecords"));
    }

    @Test
    void theTokenCustomizerMayOnlyWriteItsOwnLogs() {
        Map<String, Object> function = functionWithHandler(TokenCustomizerFunction.HANDLER);
        String logGroupId = at(function, "Properties", "LoggingConfig", "LogGroup", "Ref");
        assertThat(statementsOfRoleOf(function)).containsExactly(Map.of("Sid", "WriteOwnLogGroup", "Effect", "Allow",
                "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                "Resource", Map.of("Fn::GetAtt", List.of(logGroupId, "Arn"))));
    }

    @Test
    void noRoleCarriesAManagedPolicyOrAnInlinePolicyBesideItsDefaultPolicy() {
        assertThat(DEFAULTS.resources("AWS::IAM::Role")).isNotEmpty().allSatisfy((id, role) ->
                assertThat((Map<String, Object>) at(role, "Properties")).doesNotContainKeys("ManagedPolicyArns", "Policies"));
        DEFAULTS.template().resourceCountIs("AWS::IAM::ManagedPolicy", 0);
    }

    private static Map<String, Object> functionWithHandler(String handler) {
        return DEFAULTS.resources("AWS::Lambda::Function").values().stream()
                .filter(function -> handler.equals(at(function, "Properties", "Handler")))
                .findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> statementsOfRoleOf(Map<String, Object> function) {
        String roleId = at(function, "Properties", "Role", "Fn::GetAtt", 0);
        List<Map<String, Object>> statements = new ArrayList<>();
        DEFAULTS.resources("AWS::IAM::Policy").values().stream()
                .filter(policy -> ((List<?>) at(policy, "Properties", "Roles")).contains(Map.of("Ref", roleId)))
                .forEach(policy -> statements.addAll(at(policy, "Properties", "PolicyDocument", "Statement")));
        return statements;
    }

    private static List<Map<String, Object>> allStatements() {
        List<Map<String, Object>> statements = new ArrayList<>();
        DEFAULTS.resources("AWS::IAM::Policy").values()
                .forEach(policy -> statements.addAll(at(policy, "Properties", "PolicyDocument", "Statement")));
        return statements;
    }

    private static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? list.stream().map(String::valueOf).toList() : Stream.of(String.valueOf(action)).toList();
    }
}
