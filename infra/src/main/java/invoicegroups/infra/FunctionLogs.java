package invoicegroups.infra;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * A function's own log group (bounded retention) and an execution role that may write to that group and nowhere
 * else: no AWSLambdaBasicExecutionRole, which would let it write to every log group in the account.
 */
final class FunctionLogs extends Construct {

    final LogGroup logGroup;
    final Role role;

    FunctionLogs(Construct scope, String id, Settings settings, String purpose) {
        super(scope, id);
        this.logGroup = LogGroup.Builder.create(this, "LogGroup")
                .retention(settings.logRetention())
                .removalPolicy(settings.removalPolicy())
                .build();
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Execution role of the " + purpose + " function")
                .build();
        // The group's ARN attribute ends in ":*", which covers the streams Lambda creates in it, and only those.
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("WriteOwnLogGroup")
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build());
    }
}
