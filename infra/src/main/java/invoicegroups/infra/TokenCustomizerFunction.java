package invoicegroups.infra;

import invoicegroups.table.EnvironmentVariables;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The Cognito pre-token-generation trigger from the token-customizer module: for each token request it reads the
 * calling app client's record and its tenant's record in the tenant registry (two consistent GetItems), writes the
 * tenant into the access token of an active tenant's client, refuses every other, and logs one JSON line per token
 * request. Its role may GetItem the registry and write its own logs, nothing else.
 *
 * <p>Cognito calls the {@value SnapStartFunction#ALIAS_NAME} alias, a published version, so SnapStart applies (unless
 * {@code snapStart=false}). The LambdaConfig ARN pattern accepts a qualified (alias) ARN
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PreTokenGenerationVersionConfigType.html),
 * and the invoke permission sits on the alias, which a resource policy on the alias ARN covers
 * (https://docs.aws.amazon.com/lambda/latest/dg/using-aliases.html).
 */
final class TokenCustomizerFunction {

    static final String HANDLER = "invoicegroups.tokencustomizer.TenantClaimTrigger::handleRequest";
    /** The one DynamoDB action the trigger performs: consistent GetItems by key (client record, tenant record). */
    static final String GET_ITEM_ACTION = "dynamodb:GetItem";
    // The jar carries the AWS SDK's DynamoDB client; 1 GB buys the CPU for a cold start well inside Cognito's 5 s.
    static final int MEMORY_MB = 1024;
    // Cognito waits 5 s for a trigger before it fails the token request.
    static final int TIMEOUT_SECONDS = 5;
    // C1 only: the trigger lives through few invocations, so start-up time matters more than peak throughput.
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    private TokenCustomizerFunction() {
    }

    static SnapStartFunction create(Construct scope, String id, Settings settings, ITableV2 registry) {
        return new SnapStartFunction(scope, id, settings, new SnapStartFunction.Spec(
                "Cognito token customizer",
                "Cognito pre-token-generation trigger: adds the registered tenant claim to access tokens",
                Artifacts.tokenCustomizerCode(),
                HANDLER,
                MEMORY_MB,
                TIMEOUT_SECONDS,
                Map.of(EnvironmentVariables.TENANT_REGISTRY_TABLE, registry.getTableName(),
                        EnvironmentVariables.TENANT_CLAIM, settings.tenantClaim(),
                        "JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS),
                settings.reservedConcurrency().tokenTrigger(),
                false,
                "The published version Cognito invokes",
                List.of(PolicyStatement.Builder.create()
                        .sid("ReadTenantRegistry")
                        .actions(List.of(GET_ITEM_ACTION))
                        .resources(List.of(registry.getTableArn()))
                        .build())));
    }
}
