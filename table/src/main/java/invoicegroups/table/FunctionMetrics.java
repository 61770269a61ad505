package invoicegroups.table;

/**
 * The custom CloudWatch metrics the list function writes as embedded-metric-format log lines (no API call on the
 * request path), and the stack alarms on. Named once here for both.
 */
public final class FunctionMetrics {

    /** The CloudWatch namespace of the function's own metrics. */
    public static final String NAMESPACE = "InvoiceGroups";

    /** The first dimension: the Lambda function's name (from {@code AWS_LAMBDA_FUNCTION_NAME}), so stacks never mix. */
    public static final String FUNCTION_NAME_DIMENSION = "FunctionName";

    /**
     * The second dimension, beside {@link #FUNCTION_NAME_DIMENSION}: the version that answered
     * ({@code AWS_LAMBDA_FUNCTION_VERSION}), named as Lambda's own per-version metrics name it, so the canary's
     * rollback alarms can watch a new version's answers alone.
     */
    public static final String EXECUTED_VERSION_DIMENSION = "ExecutedVersion";

    /** Count of stored items left out of a listing because they break the item contract. */
    public static final String INVALID_STORED_ITEMS = "InvalidStoredItems";

    /** Count of 5xx responses the function returned (500 and 503): failures Lambda's Errors metric never sees. */
    public static final String SERVER_ERROR_RESPONSES = "ServerErrorResponses";

    private FunctionMetrics() {
    }
}
