package invoicegroups.table;

/**
 * The tenant registry: which tenant each Cognito app client belongs to, and whether it may get tokens.
 *
 * <p>One item per app client. The token trigger reads it by client id (GetItem) and writes the tenant claim; the
 * operator command ({@code tenants}) writes it. A tenant may have more than one client (during a secret rotation).
 */
public final class TenantRegistryTable {

    /** Partition key: the Cognito app client id. */
    public static final String PARTITION_KEY = "clientId";

    /** The tenant the client belongs to ({@link TenantId}); also the partition key of {@link #BY_TENANT_INDEX}. */
    public static final String TENANT_ID = "tenantId";

    /** {@link #ACTIVE} or {@link #SUSPENDED}. */
    public static final String STATUS = "status";

    /** When the client was registered: an ISO-8601 instant (UTC). */
    public static final String CREATED_AT = "createdAt";

    /** Status of a client that may get tokens. */
    public static final String ACTIVE = "active";

    /** Status of a client that gets no new tokens (tokens issued before stay valid until they expire). */
    public static final String SUSPENDED = "suspended";

    /** Global secondary index: a tenant's clients (partition key {@link #TENANT_ID}, sort key {@link #PARTITION_KEY}). */
    public static final String BY_TENANT_INDEX = "byTenant";

    /** Key and index attribute types: all DynamoDB strings ("S"). */
    public static final String KEY_TYPE = "S";

    /** The table name used where none is configured (local runs and tests). */
    public static final String DEFAULT_NAME = "tenant-registry";

    private TenantRegistryTable() {
    }
}
