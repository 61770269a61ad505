package invoicegroups.table;

/** The access-token claim that carries the caller's tenant: written by the token trigger, read by the Lambda authorizer. */
public final class TenantClaim {

    /** Its name unless configured otherwise ({@code TENANT_CLAIM} in the trigger and the authorizer, {@code tenantClaim} in the stack). */
    public static final String DEFAULT_NAME = "tenant_id";

    private TenantClaim() {
    }
}
