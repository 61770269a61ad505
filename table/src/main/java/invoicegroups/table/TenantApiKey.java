package invoicegroups.table;

/**
 * A tenant's API Gateway API key, the identity its usage plan counts by: how the operator command names the keys it
 * makes (and finds its own among an account's others), how the local runner names its demo tenants' keys, and how
 * many keys an account may hold.
 */
public final class TenantApiKey {

    /** The prefix of every key name this project makes; what follows is {@code <restApiId>/<tenantId>}. */
    public static final String NAME_PREFIX = "invoice-groups/";

    /**
     * API keys per account per Region: 10,000, not adjustable
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html).
     */
    public static final int MAX_KEYS_PER_REGION = 10_000;

    private TenantApiKey() {
    }

    /** The name of {@code tenantId}'s key on REST API {@code restApiId}: {@code invoice-groups/<restApiId>/<tenantId>}. */
    public static String name(String restApiId, String tenantId) {
        return namePrefix(restApiId) + tenantId;
    }

    /** The prefix of the names of every tenant's key on REST API {@code restApiId}. */
    public static String namePrefix(String restApiId) {
        return NAME_PREFIX + restApiId + "/";
    }

    /** The key's description. */
    public static String description(String tenantId) {
        return "invoice-groups tenant " + tenantId;
    }
}
