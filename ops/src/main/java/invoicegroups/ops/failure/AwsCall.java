package invoicegroups.ops.failure;

import invoicegroups.table.Messages;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One call to an AWS API (or the local runner's stand-in for it), named for the operator: the IAM action, what it
 * acts on, where it goes and which of the stack's managed policies grants it. Any SDK exception it throws becomes a
 * one-line {@link CommandFailure} that says which call failed and what to do.
 *
 * @param action   the IAM action, e.g. {@code cognito-idp:CreateUserPoolClient}
 * @param resource what it acts on, e.g. {@code user pool us-east-1_AbC} or {@code table tenant-registry}
 * @param policy   the stack's managed policy that allows it, e.g. {@code TenantOperatorPolicy}
 * @param where    where the call goes, e.g. {@code us-east-1} or {@code the local runner at http://localhost:8080}
 */
public record AwsCall(String action, String resource, String policy, String where) {

    /**
     * Error codes of an IAM denial: AWS JSON services ({@code AccessDeniedException}), AWS Query ones, and API
     * Gateway's management API ({@code UnauthorizedException}: "the caller has insufficient permissions").
     */
    private static final Set<String> DENIED = Set.of("AccessDeniedException", "AccessDenied", "UnauthorizedOperation",
            "UnauthorizedException");
    /** Error codes of a missing resource: AWS JSON services, and API Gateway's REST API. */
    private static final Set<String> MISSING = Set.of("ResourceNotFoundException", "NotFoundException");
    /** Error codes of credentials AWS does not accept. */
    private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "ExpiredToken", "ExpiredTokenException", "InvalidSignatureException", "SignatureDoesNotMatch");
    /** Service messages can be long; one line stays short. */
    private static final int MAX_MESSAGE = 200;

    public <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    /** The one-line failure for an exception of this call. */
    public CommandFailure failure(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            // An answer without an error code (e.g. a 404 from something that is not the service): its status.
            String code = service.awsErrorDetails().errorCode() == null ? "HTTP " + service.statusCode()
                    : service.awsErrorDetails().errorCode();
            if (DENIED.contains(code)) {
                return CommandFailure.notAllowed("not allowed to call " + action + " on " + resource
                        + " (attach the stack's " + policy + ")");
            }
            if (BAD_CREDENTIALS.contains(code)) {
                return CommandFailure.notAllowed("AWS did not accept the credentials for " + action + " (" + code
                        + "): refresh or configure them (aws configure, AWS_PROFILE or the AWS_* variables)");
            }
            if (MISSING.contains(code)) {
                return CommandFailure.notFound(resource + " not found in " + where + " (" + action + ")");
            }
            if (service.isThrottlingException()) {
                return CommandFailure.unavailable(action + " on " + resource + " was throttled (" + code
                        + ") past the retries: try again in a minute");
            }
            String answer = service.awsErrorDetails().errorCode() == null ? code
                    : code + " (" + service.statusCode() + ")";
            return CommandFailure.unavailable(action + " on " + resource + " failed: " + answer + ": "
                    + Messages.firstLine(service.awsErrorDetails().errorMessage(), MAX_MESSAGE));
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
            return CommandFailure.notAllowed("no AWS credentials found for " + action
                    + ": configure them (aws configure, AWS_PROFILE or the AWS_* variables)");
        }
        IOException io = ioCause(e);
        if (io != null) {
            return CommandFailure.unavailable("cannot reach " + where + " for " + action + ": "
                    + Messages.firstLine(io.getClass().getSimpleName()
                            + (io.getMessage() == null ? "" : ": " + io.getMessage()), MAX_MESSAGE));
        }
        return CommandFailure.unavailable(action + " on " + resource + " failed: "
                + Messages.firstLine(e.getMessage(), MAX_MESSAGE));
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
