package invoicegroups.table;

/**
 * Access-token lifetimes and how soon a change of a tenant's access bites, shared by the stack's settings, the
 * operator command and the local runner.
 */
public final class AccessTokens {

    /**
     * Cognito's range for an app client's access-token lifetime: five minutes to one day
     * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TokenValidityUnitsType.html).
     */
    public static final int MIN_VALIDITY_MINUTES = 5;
    public static final int MAX_VALIDITY_MINUTES = 24 * 60;

    /**
     * The default lifetime, chosen for cost: Cognito charges per client-credentials token, and revocation no longer
     * waits for expiry (see {@link #DEFAULT_REVOCATION_SECONDS}). README, "Token economics".
     */
    public static final int DEFAULT_VALIDITY_MINUTES = MAX_VALIDITY_MINUTES;

    /**
     * How long the edge may keep deciding from what it read before (the Lambda authorizer's result cache TTL): a
     * suspension, removal or resumption bites within this many seconds.
     */
    public static final int DEFAULT_REVOCATION_SECONDS = 60;

    /** API Gateway caches an authorizer's result for at most 3600 s; 0 turns the cache off. */
    public static final int MAX_REVOCATION_SECONDS = 3600;

    private AccessTokens() {
    }
}
