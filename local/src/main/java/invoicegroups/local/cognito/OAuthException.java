package invoicegroups.local.cognito;

/** A refused token request, as an OAuth 2.0 error code and the HTTP status Cognito answers it with. */
public final class OAuthException extends RuntimeException {

    private final int status;
    private final String description;

    public OAuthException(int status, String error) {
        this(status, error, null);
    }

    /** @param description why, for the developer reading the response; {@code null} when the code says it all */
    public OAuthException(int status, String error, String description) {
        super(error, null, false, false);
        this.status = status;
        this.description = description;
    }

    /** A malformed request: not a form, a parameter missing or repeated. */
    public static OAuthException invalidRequest() {
        return new OAuthException(400, "invalid_request");
    }

    public int status() {
        return status;
    }

    /** {@code invalid_client}, {@code invalid_request}, {@code unsupported_grant_type}, {@code unauthorized_client}, {@code invalid_scope}. */
    public String error() {
        return getMessage();
    }

    public String description() {
        return description;
    }
}
