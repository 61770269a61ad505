package invoicegroups.table;

/**
 * What the Lambda authorizer hands on to the function: the keys of its {@code context}, which a REST API puts in
 * the proxy event's {@code requestContext.authorizer} (payload format 1.0) and the access logs read as
 * {@code $context.authorizer.<key>}. Every value is a string.
 */
public final class AuthorizerContext {

    /** The caller's tenant, as the tenant registry says ({@link TenantId}). The function reads only this. */
    public static final String TENANT_ID = "tenantId";

    /** The app client that called (the token's {@code client_id}). */
    public static final String CLIENT_ID = "clientId";

    /** The tenant's plan ({@link Plan#name()}). */
    public static final String PLAN = "plan";

    private AuthorizerContext() {
    }
}
