package invoicegroups.infra;

import invoicegroups.table.EnvironmentVariables;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The function behind GET /invoice_groups, served through its {@value SnapStartFunction#ALIAS_NAME} alias. It reads
 * the caller's tenant from the Lambda authorizer's context only, so it needs no claim name; its role may Query the
 * invoice groups table and send traces.
 */
final class ListInvoiceGroupsFunction {

    static final String HANDLER = "invoicegroups.boundary.ListInvoiceGroupsHandler::handleRequest";
    /** The one DynamoDB action the function performs: an eventually consistent Query of the caller's partition. */
    static final String QUERY_ACTION = "dynamodb:Query";

    private ListInvoiceGroupsFunction() {
    }

    static SnapStartFunction create(Construct scope, String id, Settings settings, ITableV2 table) {
        return new SnapStartFunction(scope, id, settings, new SnapStartFunction.Spec(
                "list invoice groups",
                "Lists the calling tenant's invoice groups (GET /invoice_groups)",
                Artifacts.functionCode(),
                HANDLER,
                settings.functionMemoryMb(),
                settings.functionTimeoutSeconds(),
                Map.of(EnvironmentVariables.TABLE_NAME, table.getTableName()),
                settings.reservedConcurrency().listFunction(),
                true,
                "The published version the REST API invokes",
                List.of(PolicyStatement.Builder.create()
                        .sid("QueryInvoiceGroups")
                        .actions(List.of(QUERY_ACTION))
                        .resources(List.of(table.getTableArn()))
                        .build())));
    }
}
