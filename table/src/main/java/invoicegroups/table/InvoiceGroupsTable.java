package invoicegroups.table;

/**
 * The invoice groups table's key schema, defined once for the function, the CDK stack and the local runner.
 *
 * <p>One partition per tenant, items sorted by invoice group id, so listing a tenant's invoice groups is a single
 * Query whose position (LastEvaluatedKey) is just the last id.
 */
public final class InvoiceGroupsTable {

    /** Partition key: the tenant id, always the Lambda authorizer's decision for the caller's verified token. */
    public static final String PARTITION_KEY = "tenantId";

    /** Sort key: the invoice group id. */
    public static final String SORT_KEY = "id";

    /** Both keys are DynamoDB strings ("S"). */
    public static final String KEY_TYPE = "S";

    /** The table name used where none is configured (local runs and tests). */
    public static final String DEFAULT_NAME = "invoice-groups";

    private InvoiceGroupsTable() {
    }
}
