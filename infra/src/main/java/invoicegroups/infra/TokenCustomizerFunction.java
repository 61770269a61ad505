package invoicegroups.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.constructs.Construct;

/**
 * The Cognito pre-token-generation trigger from the token-customizer module: it looks the calling app client up in
 * the tenant registry (one consistent GetItem) and writes its tenant into the access token; an unknown or suspended
 * client gets no token. Its role may GetItem the registry and write its own logs, nothing else.
 *
 * <p>Cognito calls the {@value #ALIAS_NAME} alias, a published version, so SnapStart applies (unless
 * {@code snapStart=false}). The LambdaConfig ARN pattern accepts a qualified (alias) ARN
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PreTokenGenerationVersionConfigType.html),
 * and the invoke permission sits on the alias, which a resource policy on the alias ARN covers
 * (https://docs.aws.amazon.com/lambda/latest/dg/using-aliases.html).
 */
final class TokenCustomizerFunction extends Construct {

    static final String HANDLER = "invoicegroups.tokencustomizer.TenantClaimTrigger::handleRequest";
    static final String ALIAS_NAME = "live";
    /** The one DynamoDB action the trigger performs: a consistent GetItem by app client id. */
    static final String GET_ITEM_ACTION = "dynamodb:GetItem";
    // The jar now carries the AWS SDK's DynamoDB client; 1 GB buys the CPU for a cold start well inside Cognito's 5 s.
    static final int MEMORY_MB = 1024;
    // Cognito waits 5 s for a trigger before it fails the token request.
    static final int TIMEOUT_SECONDS = 5;
    // C1 only: the trigger lives through few invocations, so start-up time matters more than peak throughput.
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    final Function function;
    final Alias alias;

    TokenCustomizerFunction(Construct scope, String id, Settings settings, ITableV2 registry) {
        super(scope, id);
        FunctionLogs logs = new FunctionLogs(this, "Logs", settings, "Cognito token customizer");
        logs.role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ReadTenantRegistry")
                .actions(List.of(GET_ITEM_ACTION))
                .resources(List.of(registry.getTableArn()))
                .build());
        this.function = Function.Builder.create(this, "Function")
                .description("Cognito pre-token-generation trigger: adds the registered tenant claim to access tokens")
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .code(Artifacts.tokenCustomizerCode())
                .handler(HANDLER)
                .memorySize(MEMORY_MB)
                .timeout(Duration.seconds(TIMEOUT_SECONDS))
                .snapStart(settings.snapStart() ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                .environment(new TreeMap<>(Map.of(
                        "TENANT_REGISTRY_TABLE", registry.getTableName(),
                        "TENANT_CLAIM", settings.tenantClaim(),
                        "JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS)))
                .role(logs.role)
                .logGroup(logs.logGroup)
                .loggingFormat(LoggingFormat.JSON)
                .build();
        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .description("The published version Cognito invokes")
                .build();
    }
}
