package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploymentStrategy=canary (default): CodeDeploy shifts the live alias, gated on the stack's alarms. */
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

    @Test
    void everyAlarmOfTheStackGatesTheRollout() {
        Map<String, Object> alarmConfiguration = at(DEFAULTS.only("AWS::CodeDeploy::DeploymentGroup"), "Properties", "AlarmConfiguration");
        assertThat(alarmConfiguration).containsEntry("Enabled", true);
        List<Object> gated = at(alarmConfiguration, "Alarms");
        assertThat(gated).containsExactlyInAnyOrderElementsOf(DEFAULTS.resources("AWS::CloudWatch::Alarm").keySet().stream()
                .map(id -> (Object) Map.of("Name", Map.of("Ref", id))).toList());
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
