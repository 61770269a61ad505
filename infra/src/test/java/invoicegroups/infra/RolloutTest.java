package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.table.FunctionMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploymentStrategy=canary (default): CodeDeploy shifts the live alias, gated on alarms that watch the new version. */
class RolloutTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    @Test
    void theDeploymentGroupRunsACanaryWithAutomaticRollback() {
        Map<String, Object> group = at(DEFAULTS.only("AWS::CodeDeploy::DeploymentGroup"), "Properties");
        assertThat(group)
                .containsEntry("DeploymentConfigName", "CodeDeployDefault.LambdaCanary10Percent5Minutes")
                .containsEntry("DeploymentStyle", Map.of("DeploymentType", "BLUE_GREEN", "DeploymentOption", "WITH_TRAFFIC_CONTROL"))
                .containsEntry("ApplicationName", Map.of("Ref", DEFAULTS.resources("AWS::CodeDeploy::Application").keySet().iterator().next()));
        assertThat((Object) at(group, "AutoRollbackConfiguration")).isEqualTo(Map.of("Enabled", true,
                "Events", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST", "DEPLOYMENT_STOP_ON_ALARM")));
        assertThat((Object) at(DEFAULTS.only("AWS::CodeDeploy::Application"), "Properties", "ComputePlatform")).isEqualTo("Lambda");
    }

    /** The deployment group's alarms, by logical id. */
    static List<String> rollbackAlarmIds() {
        return DEFAULTS.stack().rollout.rollbackAlarms.alarms.stream().map(DEFAULTS::logicalIdOf).toList();
    }

    private static Map<String, Object> rollbackAlarm(String name) {
        return DEFAULTS.resources("AWS::CloudWatch::Alarm").entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("RolloutAlarms" + name))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    /** The version the alias is given in this template: the new one while CodeDeploy shifts traffic to it. */
    private static Object newVersion() {
        return at(DEFAULTS.resources("AWS::Lambda::Alias").get(ListFunctionTest.listAliasId()), "Properties", "FunctionVersion");
    }

    @Test
    void theRolloutIsGatedByTheRollbackAlarmsOnlyAtMostTheTenCodeDeployAllows() {
        Map<String, Object> alarmConfiguration = at(DEFAULTS.only("AWS::CodeDeploy::DeploymentGroup"), "Properties", "AlarmConfiguration");
        assertThat(alarmConfiguration).containsEntry("Enabled", true);
        List<Object> gated = at(alarmConfiguration, "Alarms");
        assertThat(gated).containsExactlyInAnyOrderElementsOf(rollbackAlarmIds().stream()
                .map(id -> (Object) Map.of("Name", Map.of("Ref", id))).toList());
        assertThat(gated).hasSizeBetween(1, 10);
        // None reads the REST API's stage: that Ref closes the loop alias -> group -> alarm -> stage -> method -> alias.
        assertThat(rollbackAlarmIds()).allSatisfy(id -> assertThat(String.valueOf(
                (Object) at(DEFAULTS.resources("AWS::CloudWatch::Alarm").get(id), "Properties"))).doesNotContain("AWS/ApiGateway"));
    }

    @Test
    void lambdaErrorsAndDurationAreWatchedForTheNewVersionAloneThroughTheLiveAlias() {
        String functionId = ListFunctionTest.listFunctionId();
        List<Object> newVersionOfTheLiveAlias = List.of(
                Map.of("Name", "ExecutedVersion", "Value", newVersion()),
                Map.of("Name", "FunctionName", "Value", Map.of("Ref", functionId)),
                Map.of("Name", "Resource", "Value", Map.of("Fn::Join", List.of("", List.of(Map.of("Ref", functionId), ":live")))));
        assertThat(rollbackAlarm("NewVersionErrors")).extracting(alarm -> at(alarm, "Properties")).satisfies(alarm ->
                assertThat((Map<String, Object>) alarm)
                        .containsEntry("Namespace", "AWS/Lambda").containsEntry("MetricName", "Errors")
                        .containsEntry("Statistic", "Sum").containsEntry("Dimensions", newVersionOfTheLiveAlias));
        assertThat(rollbackAlarm("NewVersionLatencyP99")).extracting(alarm -> at(alarm, "Properties")).satisfies(alarm ->
                assertThat((Map<String, Object>) alarm)
                        .containsEntry("Namespace", "AWS/Lambda").containsEntry("MetricName", "Duration")
                        .containsEntry("ExtendedStatistic", "p99").containsEntry("Dimensions", newVersionOfTheLiveAlias)
                        .containsEntry("Threshold", Settings.DEFAULT_LATENCY_P99_ALARM_MILLIS)
                        .containsEntry("DatapointsToAlarm", 2).containsEntry("EvaluationPeriods", 3));
    }

    /** The function writes its counts also per version (FunctionName, ExecutedVersion): the gate reads the new one's. */
    @Test
    void theFunctionsOwn5xxAreWatchedForTheNewVersionAlone() {
        String functionId = ListFunctionTest.listFunctionId();
        assertThat((Object) at(rollbackAlarm("NewVersionServerErrors"), "Properties", "Dimensions")).isEqualTo(List.of(
                Map.of("Name", FunctionMetrics.EXECUTED_VERSION_DIMENSION, "Value", newVersion()),
                Map.of("Name", FunctionMetrics.FUNCTION_NAME_DIMENSION, "Value", Map.of("Ref", functionId))));
        assertThat((Map<String, Object>) at(rollbackAlarm("NewVersionServerErrors"), "Properties"))
                .containsEntry("Namespace", FunctionMetrics.NAMESPACE)
                .containsEntry("MetricName", FunctionMetrics.SERVER_ERROR_RESPONSES);
        // The stand-in that watched every version until the function wrote ExecutedVersion is gone.
        assertThat(rollbackAlarmIds()).hasSize(3).noneMatch(id -> id.contains("ServerErrorsDuringRollout"));
        assertThat(DEFAULTS.resources("AWS::CloudWatch::Alarm").values()).allSatisfy(alarm -> {
            if (FunctionMetrics.NAMESPACE.equals(at(alarm, "Properties", "Namespace")) && at(alarm, "Properties", "AlarmActions") == null) {
                assertThat(String.valueOf((Object) at(alarm, "Properties", "Dimensions"))).contains(FunctionMetrics.EXECUTED_VERSION_DIMENSION);
            }
        });
    }

    /**
     * A version that fails every request fails it as an invocation error (Lambda Errors) or as a 5xx the function
     * answers itself (ServerErrorResponses): for each, one failed request in a minute fires a gate alarm, and the alarm
     * can fire while the 10% step still runs.
     */
    @Test
    void aVersionThatFailsEveryRequestRollsBackWithinTheTenPercentStep() {
        Map<String, Map<String, Object>> alarms = DEFAULTS.resources("AWS::CloudWatch::Alarm");
        List<Map<String, Object>> gate = rollbackAlarmIds().stream().map(id -> (Map<String, Object>) at(alarms.get(id), "Properties")).toList();
        for (String metric : List.of("Errors", FunctionMetrics.SERVER_ERROR_RESPONSES)) {
            assertThat(gate).as("a gate alarm on " + metric).anySatisfy(alarm -> assertThat(alarm)
                    .containsEntry("MetricName", metric).containsEntry("Statistic", "Sum")
                    .containsEntry("Threshold", 1).containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                    .containsEntry("Period", 60).containsEntry("DatapointsToAlarm", 1).containsEntry("EvaluationPeriods", 1));
        }
        assertThat(gate).allSatisfy(alarm -> assertThat(
                ((Number) alarm.get("Period")).intValue() * ((Number) alarm.get("DatapointsToAlarm")).intValue())
                .isLessThan(5 * 60));
        assertThat((Object) at(DEFAULTS.only("AWS::CodeDeploy::DeploymentGroup"), "Properties", "DeploymentConfigName"))
                .isEqualTo("CodeDeployDefault.LambdaCanary10Percent5Minutes");
    }

    @Test
    void theLiveAliasIsUpdatedThroughTheDeploymentGroupAndTheTriggersAliasIsNot() {
        Map<String, Map<String, Object>> aliases = DEFAULTS.resources("AWS::Lambda::Alias");
        String groupId = DEFAULTS.resources("AWS::CodeDeploy::DeploymentGroup").keySet().iterator().next();
        String applicationId = DEFAULTS.resources("AWS::CodeDeploy::Application").keySet().iterator().next();
        assertThat((Object) at(aliases.get(ListFunctionTest.listAliasId()), "UpdatePolicy")).isEqualTo(Map.of(
                "CodeDeployLambdaAliasUpdate", Map.of(
                        "ApplicationName", Map.of("Ref", applicationId),
                        "DeploymentGroupName", Map.of("Ref", groupId))));
        assertThat(aliases.get(TokensTest.triggerAliasId())).doesNotContainKey("UpdatePolicy");
        String roleId = at(DEFAULTS.only("AWS::CodeDeploy::DeploymentGroup"), "Properties", "ServiceRoleArn", "Fn::GetAtt", 0);
        assertThat((Object) at(DEFAULTS.resources("AWS::IAM::Role").get(roleId), "Properties", "AssumeRolePolicyDocument", "Statement", 0, "Principal"))
                .isEqualTo(Map.of("Service", "codedeploy.amazonaws.com"));
    }
}
