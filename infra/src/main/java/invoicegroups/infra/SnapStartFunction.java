package invoicegroups.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.Version;
import software.constructs.Construct;

/**
 * A Java function as this stack runs each of its three (list function, token trigger, authorizer): Java 25 on arm64,
 * its own log group and a role that may write only there plus the statements it is given, JSON logs, SnapStart on
 * published versions (unless {@code snapStart=false}), optional reserved concurrency, and the {@value #ALIAS_NAME}
 * alias on the version this synthesis publishes, which is what its caller invokes: never {@code $LATEST}.
 *
 * <p>A new version (and snapshot) is published whenever code or configuration changes; the alias moves to it (for the
 * list function, through CodeDeploy's canary).
 */
final class SnapStartFunction extends Construct {

    static final String ALIAS_NAME = "live";

    /**
     * What differs between the functions.
     *
     * @param purpose the role's description ("Execution role of the {purpose} function")
     * @param reservedConcurrency 0 for none
     * @param permissions the role's statements besides writing its own log group
     */
    record Spec(String purpose, String description, Code code, String handler, int memoryMb, int timeoutSeconds,
                Map<String, String> environment, int reservedConcurrency, boolean activeTracing, String aliasDescription,
                List<PolicyStatement> permissions) {
    }

    final FunctionLogs logs;
    final Function function;
    /** The version this synthesis publishes: the one the alias serves, or is being moved to by the canary. */
    final Version version;
    final Alias alias;

    SnapStartFunction(Construct scope, String id, Settings settings, Spec spec) {
        super(scope, id);
        this.logs = new FunctionLogs(this, "Logs", settings, spec.purpose());
        spec.permissions().forEach(logs.role::addToPolicy);
        this.function = Function.Builder.create(this, "Function")
                .description(spec.description())
                // The newest Java runtime aws-cdk-lib knows; the jars are compiled for 17 and run on it unchanged.
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .code(spec.code())
                .handler(spec.handler())
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeoutSeconds()))
                // Off where Lambda offers no SnapStart (context snapStart=false); the alias still serves a published version.
                .snapStart(settings.snapStart() ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                .reservedConcurrentExecutions(spec.reservedConcurrency() > 0 ? spec.reservedConcurrency() : null)
                .environment(new TreeMap<>(spec.environment()))
                .role(logs.role)
                .logGroup(logs.logGroup)
                .loggingFormat(LoggingFormat.JSON)
                .tracing(spec.activeTracing() ? Tracing.ACTIVE : null)
                .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                NagFindings.SNAPSTART_PUBLISH_REASON);
        this.version = function.getCurrentVersion();
        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(version)
                .description(spec.aliasDescription())
                .build();
    }
}
