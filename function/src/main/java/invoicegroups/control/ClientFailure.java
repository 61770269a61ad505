package invoicegroups.control;

/**
 * A request the function refuses because of the caller: each kind carries its HTTP status and the fixed message the
 * caller sees, so the one mapper ({@code HttpResponses}) needs no list of types. Messages never hold the caller's input.
 */
public abstract sealed class ClientFailure extends RuntimeException
        permits InvalidRequestException, ClientFailure.Unauthenticated, ClientFailure.Forbidden {

    private final int status;

    ClientFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status of the response. */
    public int status() {
        return status;
    }

    /** No verified caller (no authorizer context in the event): 401 {@code Unauthorized}. */
    public static final class Unauthenticated extends ClientFailure {
        public Unauthenticated() {
            super(401, "Unauthorized");
        }
    }

    /** A verified caller without a well-formed tenant in the authorizer's context: 403 {@code Forbidden}. */
    public static final class Forbidden extends ClientFailure {
        public Forbidden() {
            super(403, "Forbidden");
        }
    }
}
