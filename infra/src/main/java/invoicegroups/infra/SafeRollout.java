package invoicegroups.infra;

import java.util.List;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.codedeploy.ILambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentGroup;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.constructs.Construct;

/**
 * Moves the list function's {@code live} alias to a new version with a CodeDeploy canary: 10% of requests for
 * 5 minutes, then all, and back to the old version if one of the {@link RollbackAlarms} (each on the new version)
 * fires meanwhile, as AWS's serverless reference applications do. Created only with {@code deploymentStrategy=canary}
 * (the default).
 *
 * <p>CodeDeploy's role gets exactly what a Lambda deployment without hooks calls (read and move this alias, read
 * these alarms) instead of the AWS managed AWSCodeDeployRoleForLambdaLimited, which allows them on every resource.
 * Lambda's alias actions take the function or alias ARN as resource
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html); DescribeAlarms may be scoped to
 * alarm ARNs for metric alarms, only composite alarms need {@code *}
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html).
 */
final class SafeRollout extends Construct {

    static final ILambdaDeploymentConfig CANARY = LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES;
    static final List<String> ALIAS_ACTIONS = List.of(
            "lambda:GetAlias", "lambda:UpdateAlias", "lambda:GetProvisionedConcurrencyConfig");
    static final String DESCRIBE_ALARMS_ACTION = "cloudwatch:DescribeAlarms";

    final RollbackAlarms rollbackAlarms;
    final Role role;
    final LambdaDeploymentGroup deploymentGroup;

    SafeRollout(Construct scope, String id, Settings settings, SnapStartFunction list) {
        super(scope, id);
        this.rollbackAlarms = new RollbackAlarms(this, "Alarms", settings, list);
        List<Alarm> alarms = rollbackAlarms.alarms;
        Alias alias = list.alias;
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("codedeploy.amazonaws.com"))
                .description("CodeDeploy shifts the list function's live alias and reads its rollback alarms")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ShiftLiveAlias")
                .actions(ALIAS_ACTIONS)
                .resources(List.of(alias.getVersion().getLambda().getFunctionArn(), alias.getFunctionArn()))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ReadRollbackAlarms")
                .actions(List.of(DESCRIBE_ALARMS_ACTION))
                .resources(alarms.stream().map(Alarm::getAlarmArn).toList())
                .build());
        this.deploymentGroup = LambdaDeploymentGroup.Builder.create(this, "DeploymentGroup")
                .alias(alias)
                .deploymentConfig(CANARY)
                .alarms(alarms.stream().map(IAlarm.class::cast).toList())
                .autoRollback(AutoRollbackConfig.builder()
                        .failedDeployment(true)
                        .stoppedDeployment(true)
                        .deploymentInAlarm(true)
                        .build())
                // Immutable: LambdaDeploymentGroup would otherwise attach the AWS managed policy to it.
                .role(role.withoutPolicyUpdates())
                .build();
    }
}
