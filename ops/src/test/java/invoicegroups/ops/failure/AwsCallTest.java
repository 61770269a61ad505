package invoicegroups.ops.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Each kind of SDK failure becomes one line naming the call and what to do. */
class AwsCallTest {

    private final AwsCall call = new AwsCall("cognito-idp:CreateUserPoolClient", "user pool eu-west-1_Abc",
            "TenantOperatorPolicy", "stack InvoiceGroups in eu-west-1");

    @Test
    void anIamDenialNamesTheActionTheResourceAndThePolicy() {
        CommandFailure failure = call.failure(service("AccessDeniedException", 400, "User: arn:... is not authorized"));

        assertThat(failure).hasMessage("not allowed to call"
                + " cognito-idp:CreateUserPoolClient on user pool eu-west-1_Abc (attach the stack's"
                + " TenantOperatorPolicy)").extracting("kind").isEqualTo(CommandFailure.Kind.NOT_ALLOWED);
    }

    @Test
    void aQueryProtocolDenialToo() {
        assertThat(call.failure(service("AccessDenied", 403, "denied"))).extracting(CommandFailure::kind).isEqualTo(CommandFailure.Kind.NOT_ALLOWED);
    }

    @Test
    void rejectedCredentialsSaySo() {
        assertThat(call.failure(service("UnrecognizedClientException", 400, "The security token is invalid")))
                .hasMessageStartingWith("AWS did not accept the credentials for cognito-idp:CreateUserPoolClient")
                .extracting("kind").isEqualTo(CommandFailure.Kind.NOT_ALLOWED);
    }

    @Test
    void missingCredentialsSaySo() {
        SdkException missing = SdkClientException.create("Unable to load credentials from any of the providers in"
                + " the chain AwsCredentialsProviderChain(...)\nmore");

        assertThat(call.failure(missing)).hasMessage("no AWS credentials found for cognito-idp:CreateUserPoolClient: configure them (aws"
                        + " configure, AWS_PROFILE or the AWS_* variables)")
                .extracting("kind").isEqualTo(CommandFailure.Kind.NOT_ALLOWED);
    }

    @Test
    void anUnreachableServiceNamesWhere() {
        SdkException unreachable = SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused"));

        assertThat(call.failure(unreachable)).hasMessage("cannot reach stack InvoiceGroups in eu-west-1 for cognito-idp:CreateUserPoolClient:"
                        + " ConnectException: Connection refused")
                .extracting("kind").isEqualTo(CommandFailure.Kind.UNAVAILABLE);
    }

    @Test
    void aMissingResourceIsNotFound() {
        assertThat(call.failure(service("ResourceNotFoundException", 400, "Requested resource not found")))
                .hasMessage("user pool eu-west-1_Abc not found in stack InvoiceGroups in eu-west-1"
                        + " (cognito-idp:CreateUserPoolClient)")
                .extracting("kind").isEqualTo(CommandFailure.Kind.NOT_FOUND);
    }

    @Test
    void anyOtherServiceErrorIsOneBoundedLineWithItsCode() {
        CommandFailure failure = call.failure(service("InternalErrorException", 500, "x".repeat(1000) + "\nsecond"));

        assertThat(failure).hasMessageStartingWith("cognito-idp:CreateUserPoolClient on user pool eu-west-1_Abc failed:"
                        + " InternalErrorException (500): xxx")
                .extracting("kind").isEqualTo(CommandFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).doesNotContain("\n").hasSizeLessThan(400);
    }

    @Test
    void anAnswerWithoutAnErrorCodeNamesItsStatus() {
        assertThat(call.failure(service(null, 404, "Not Found")))
                .hasMessage("cognito-idp:CreateUserPoolClient on user pool eu-west-1_Abc failed: HTTP 404: Not"
                        + " Found")
                .extracting("kind").isEqualTo(CommandFailure.Kind.UNAVAILABLE);
    }

    @Test
    void failuresCarryNoStackTrace() {
        assertThat(call.failure(service("AccessDenied", 403, "denied")).getStackTrace()).isEmpty();
    }

    private static AwsServiceException service(String code, int status, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
