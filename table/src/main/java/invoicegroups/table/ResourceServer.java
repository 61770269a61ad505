package invoicegroups.table;

/**
 * The user pool's resource server and the one scope {@code GET /invoice_groups} requires. The stack defines it, the
 * operator command grants it to the app clients it creates, the authorizer requires it, the local runner's pool
 * offers it.
 */
public final class ResourceServer {

    /** The resource server's identifier, the prefix of its scopes. */
    public static final String IDENTIFIER = "invoice-groups";

    /** The scope's name within the resource server. */
    public static final String READ_SCOPE_NAME = "read";

    /** The full scope, as it appears in an access token's {@code scope} claim. */
    public static final String READ_SCOPE = IDENTIFIER + "/" + READ_SCOPE_NAME;

    private ResourceServer() {
    }
}
