package invoicegroups.infra;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * The Cognito pre-token-generation trigger from the token-customizer module: it writes the tenant of the app client's
 * tenant scope into the access token. It needs no permission but its own logs.
 */
final class TokenCustomizerFunction extends Construct {

    static final String HANDLER = "invoicegroups.tokencustomizer.TenantClaimTrigger::handleRequest";
    // One small class with no dependencies; 512 MB buys enough CPU for a fast cold start, which is the common case
    // because clients cache tokens for an hour.
    static final int MEMORY_MB = 512;
    // Cognito waits 5 s for a trigger before it fails the token request.
    static final int TIMEOUT_SECONDS = 5;
    // C1 only: the trigger lives through few invocations, so start-up time matters more than peak throughput.
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    final Function function;

    TokenCustomizerFunction(Construct scope, String id, Settings settings, String tenantResourceServer) {
        super(scope, id);
        FunctionLogs logs = new FunctionLogs(this, "Logs", settings, "Cognito token customizer");
        this.function = Function.Builder.create(this, "Function")
                .description("Cognito pre-token-generation trigger: adds the tenant claim to access tokens")
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .code(Artifacts.tokenCustomizerCode())
                .handler(HANDLER)
                .memorySize(MEMORY_MB)
                .timeout(Duration.seconds(TIMEOUT_SECONDS))
                .environment(new TreeMap<>(Map.of(
                        "TENANT_CLAIM", settings.tenantClaim(),
                        "TENANT_RESOURCE_SERVER", tenantResourceServer,
                        "JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS)))
                .role(logs.role)
                .logGroup(logs.logGroup)
                .loggingFormat(LoggingFormat.JSON)
                .build();
    }
}
