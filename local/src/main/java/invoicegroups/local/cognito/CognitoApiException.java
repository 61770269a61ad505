package invoicegroups.local.cognito;

/**
 * A refused call to the user-pool-client API, as Cognito answers it: {@code {"__type": ..., "message": ...}} with the
 * error's HTTP status (400 for every client error in Cognito's API reference, e.g.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPoolClient.html).
 * The message never carries unbounded input.
 */
public final class CognitoApiException extends RuntimeException {

    /** The errors the runner answers, each with its {@code __type} and HTTP status. */
    public enum Type {
        RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
        INVALID_PARAMETER("InvalidParameterException", 400),
        INVALID_OAUTH_FLOW("InvalidOAuthFlowException", 400),
        SCOPE_DOES_NOT_EXIST("ScopeDoesNotExistException", 400),
        TOO_MANY_REQUESTS("TooManyRequestsException", 400),
        /** What AWS's JSON protocol answers for a body that is not JSON. */
        SERIALIZATION("SerializationException", 400),
        /** What AWS's JSON protocol answers for an {@code X-Amz-Target} it does not serve. */
        UNKNOWN_OPERATION("UnknownOperationException", 400);

        private final String code;
        private final int status;

        Type(String code, int status) {
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }
    }

    private final Type type;

    public CognitoApiException(Type type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public Type type() {
        return type;
    }

    static CognitoApiException invalidParameter(String message) {
        return new CognitoApiException(Type.INVALID_PARAMETER, message);
    }
}
