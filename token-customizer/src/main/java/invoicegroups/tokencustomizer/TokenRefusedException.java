package invoicegroups.tokencustomizer;

/**
 * The trigger refuses a token: thrown out of the handler, it makes Cognito issue none. The message names the app
 * client and why; it goes to the trigger's log (and, locally, to the token endpoint's error).
 */
public final class TokenRefusedException extends RuntimeException {

    public TokenRefusedException(String message) {
        super(message, null, false, false);
    }
}
