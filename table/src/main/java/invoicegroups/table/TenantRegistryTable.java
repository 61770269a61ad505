package invoicegroups.table;

/**
 * The tenant registry: one DynamoDB table holding two kinds of record, told apart by their key.
 *
 * <ul>
 *   <li>A <b>tenant record</b>, key {@code tenant#<tenantId>} ({@link #tenantRecordKey}): the tenant's status, plan,
 *       API key, its client ids, a version, and the command that is changing it, if any. One per tenant; written
 *       only with conditions or transactions, so a tenant id exists at most once and changes to one tenant
 *       serialise.</li>
 *   <li>A <b>client record</b>, key the Cognito app client id: which tenant the client belongs to. One per app
 *       client; written in the same transaction as the tenant record's {@link #CLIENT_IDS}.</li>
 * </ul>
 *
 * <p>Cognito app client ids are {@code [\w+]+} (API reference, UserPoolClientType), so they never contain
 * {@code #}: the two kinds of key cannot collide. The token trigger and the Lambda authorizer read both records of a
 * caller (client, then its tenant); the operator command ({@code tenants}) writes them; the local runner's demo
 * clients are written in the same shape.
 */
public final class TenantRegistryTable {

    /** Partition key of every record: an app client id, or {@link #tenantRecordKey} for a tenant record. */
    public static final String PARTITION_KEY = "clientId";

    /** The tenant ({@link TenantId}) of a client record and of a tenant record; partition key of {@link #BY_TENANT_INDEX}. */
    public static final String TENANT_ID = "tenantId";

    /** Tenant record: {@link #ACTIVE} or {@link #SUSPENDED}. (Client records written before tenant records existed carry one too: legacy, read only by {@code tenants check --repair}.) */
    public static final String STATUS = "status";

    /** When the record was created: an ISO-8601 instant (UTC). */
    public static final String CREATED_AT = "createdAt";

    /** Tenant record: when it last changed, an ISO-8601 instant (UTC). */
    public static final String UPDATED_AT = "updatedAt";

    /** Tenant record: the tenant's plan ({@link Plan#name()}), which decides its usage plan at the edge. */
    public static final String PLAN = "plan";

    /** Tenant record: a number, 1 when created, incremented by every change; conditions on it serialise commands. */
    public static final String VERSION = "version";

    /** Tenant record: string set of the tenant's app client ids (absent when it has none). */
    public static final String CLIENT_IDS = "clientIds";

    /** Tenant record: the id of the tenant's API Gateway API key (what the operator command manages). */
    public static final String API_KEY_ID = "apiKeyId";

    /**
     * Tenant record: the value of the tenant's API key, which the Lambda authorizer returns as
     * {@code usageIdentifierKey}. With the REST API's API key source {@code AUTHORIZER} callers never send it.
     */
    public static final String API_KEY_VALUE = "apiKeyValue";

    /** Tenant record: the multi-step command under way on the tenant ({@code add}, {@code rotate}, {@code plan}); absent when none. */
    public static final String PENDING_OPERATION = "pendingOperation";

    /** Tenant record: a random id of the command under way; that command commits only while it is still this. */
    public static final String PENDING_ID = "pendingId";

    /** Tenant record: when the command under way started, an ISO-8601 instant (UTC). */
    public static final String PENDING_SINCE = "pendingSince";

    /** Tenant record: the plan a pending {@code plan} command moves the tenant to. */
    public static final String PENDING_PLAN = "pendingPlan";

    /** Status of a tenant whose clients get tokens and whose calls are allowed. */
    public static final String ACTIVE = "active";

    /** Status of a tenant whose clients get no token and whose existing tokens are refused at the edge. */
    public static final String SUSPENDED = "suspended";

    /** Prefix of a tenant record's key. {@code #} is never part of a Cognito app client id. */
    public static final String TENANT_RECORD_PREFIX = "tenant#";

    /** Global secondary index: records by tenant (partition key {@link #TENANT_ID}, sort key {@link #PARTITION_KEY}). */
    public static final String BY_TENANT_INDEX = "byTenant";

    /** Key and index attribute types: all DynamoDB strings ("S"). */
    public static final String KEY_TYPE = "S";

    /** The table name used where none is configured (local runs and tests). */
    public static final String DEFAULT_NAME = "tenant-registry";

    /** At most this many app clients per tenant (a rotation needs two); keeps every tenant change one transaction. */
    public static final int MAX_CLIENTS_PER_TENANT = 10;

    private TenantRegistryTable() {
    }

    /** The key of {@code tenantId}'s tenant record. */
    public static String tenantRecordKey(String tenantId) {
        return TENANT_RECORD_PREFIX + tenantId;
    }

    /** Whether a registry key is a tenant record's (otherwise it is an app client id). */
    public static boolean isTenantRecordKey(String key) {
        return key != null && key.startsWith(TENANT_RECORD_PREFIX);
    }
}
