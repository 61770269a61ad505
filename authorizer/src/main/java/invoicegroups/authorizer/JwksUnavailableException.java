package invoicegroups.authorizer;

/**
 * The user pool's JWKS could not be fetched (unreachable, slow, not a JWK set). Not the caller's fault, so not a
 * 401 that would send a client with a good token after a new one: thrown out of the handler, it is a 500.
 */
final class JwksUnavailableException extends RuntimeException {

    JwksUnavailableException(Throwable cause) {
        super("the user pool's JWKS is unavailable: " + cause.getMessage(), cause);
    }
}
