package invoicegroups.authorizer;

/**
 * Not a well-formed, verifiable access token of the pool. Thrown out of the handler, its message is exactly
 * {@value #MESSAGE}: the one error message API Gateway answers with 401 (gateway response {@code UNAUTHORIZED});
 * any other failure of a Lambda authorizer is a 500. The reason is for the decision log only.
 */
public final class UnauthorizedException extends RuntimeException {

    /** What the Lambda runtime reports as {@code errorMessage}, and API Gateway reads. */
    public static final String MESSAGE = "Unauthorized";

    private final String reason;

    UnauthorizedException(String reason) {
        super(MESSAGE, null, false, false);
        this.reason = reason;
    }

    /** Why, in a fixed phrase that never holds the token or any part of it. */
    public String reason() {
        return reason;
    }
}
