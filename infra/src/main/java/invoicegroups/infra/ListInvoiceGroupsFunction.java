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
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.Version;
import software.constructs.Construct;

/**
 * The function behind GET /invoice_groups, published as a version (with SnapStart unless {@code snapStart=false}) and
 * served through the {@value #ALIAS_NAME} alias, so the API always calls a published version and never $LATEST.
 */
final class ListInvoiceGroupsFunction extends Construct {

    static final String HANDLER = "invoicegroups.boundary.ListInvoiceGroupsHandler::handleRequest";
    static final String ALIAS_NAME = "live";
    /** The one DynamoDB action the function performs: an eventually consistent Query of the caller's partition. */
    static final String QUERY_ACTION = "dynamodb:Query";

    final Function function;
    /** The version this synthesis publishes: the one the alias serves, or is being moved to by the canary. */
    final Version version;
    final Alias alias;

    ListInvoiceGroupsFunction(Construct scope, String id, Settings settings, ITableV2 table) {
        super(scope, id);
        FunctionLogs logs = new FunctionLogs(this, "Logs", settings, "list invoice groups");
        logs.role.addToPolicy(PolicyStatement.Builder.create()
                .sid("QueryInvoiceGroups")
                .actions(List.of(QUERY_ACTION))
                .resources(List.of(table.getTableArn()))
                .build());

        this.function = Function.Builder.create(this, "Function")
                .description("Lists the calling tenant's invoice groups (GET /invoice_groups)")
                // The newest Java runtime aws-cdk-lib knows; the jar is compiled for 17 and runs on it unchanged.
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .code(Artifacts.functionCode())
                .handler(HANDLER)
                .memorySize(settings.functionMemoryMb())
                .timeout(Duration.seconds(settings.functionTimeoutSeconds()))
                // Off where Lambda offers no SnapStart (context snapStart=false); the alias still serves a published version.
                .snapStart(settings.snapStart() ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                .environment(new TreeMap<>(Map.of(
                        "TABLE_NAME", table.getTableName(),
                        "TENANT_CLAIM", settings.tenantClaim())))
                .role(logs.role)
                .logGroup(logs.logGroup)
                .loggingFormat(LoggingFormat.JSON)
                .tracing(Tracing.ACTIVE)
                .build();

        // A new version (and snapshot) is published whenever code or configuration changes; the alias moves to it.
        this.version = function.getCurrentVersion();
        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(version)
                .description("The published version the REST API invokes")
                .build();
    }
}
