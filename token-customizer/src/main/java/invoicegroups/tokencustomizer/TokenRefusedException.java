package invoicegroups.tokencustomizer;

/**
 * The trigger refuses a token: thrown out of the handler, it makes Cognito issue none. The message names the app
 * client and why; it goes to the trigger's log (and, locally, to the token endpoint's error). The short reason and
 * the tenant (when known) go to the token-request log line.
 */
public final class TokenRefusedException extends RuntimeException {

    private final String reason;
    private final String tenantId;

    TokenRefusedException(String message, String reason, String tenantId) {
        super(message, null, false, false);
        this.reason = reason;
        this.tenantId = tenantId;
    }

    /** A fixed phrase, for the log line. */
    public String reason() {
        return reason;
    }

    /** The client's tenant as its registry record names it (well-formed), or {@code null}. */
    public String tenantId() {
        return tenantId;
    }
}
