package invoicegroups.local.apigateway;

/**
 * An answer of API Gateway's management API other than success: the status and the error type it sends in
 * {@code x-amzn-ErrorType} (the AWS SDK makes the exception of that name), with a message that never quotes
 * unbounded input. Statuses as the API reference's errors list them (e.g.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_CreateUsagePlanKey.html).
 */
public final class ManagementException extends RuntimeException {

    /** The error types the runner answers. */
    public enum Type {
        BAD_REQUEST(400, "BadRequestException"),
        NOT_FOUND(404, "NotFoundException"),
        CONFLICT(409, "ConflictException"),
        LIMIT_EXCEEDED(429, "LimitExceededException"),
        TOO_MANY_REQUESTS(429, "TooManyRequestsException");

        private final int status;
        private final String code;

        Type(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final Type type;

    public ManagementException(Type type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public Type type() {
        return type;
    }

    static ManagementException badRequest(String message) {
        return new ManagementException(Type.BAD_REQUEST, message);
    }

    static ManagementException notFound(String message) {
        return new ManagementException(Type.NOT_FOUND, message);
    }

    static ManagementException conflict(String message) {
        return new ManagementException(Type.CONFLICT, message);
    }
}
