package invoicegroups.ops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The SDK's retry strategy as configured: the bound of the hand-written backoff it replaced, full jitter. */
class RetriesTest {

    @Test
    void eightAttemptsWithCeilingsThatAddUpToAboutEighteenSeconds() {
        Retries retries = Retries.DEFAULT;
        long ceilings = 0;
        for (int retry = 1; retry < retries.maxAttempts(); retry++) {
            ceilings += Math.min(retries.cap().toMillis(), retries.base().toMillis() << (retry - 1));
        }

        assertThat(retries.maxAttempts()).isEqualTo(8);
        assertThat(ceilings).isEqualTo(17_750);
        assertThat(retries.throttled()).isNotNull();
    }

    @Test
    void eachWaitIsDrawnBetweenZeroAndItsCeiling() {
        BackoffStrategy backoff = Retries.DEFAULT.backoff();
        // The SDK asks for the wait before attempt N (2 to 8): none before the first.
        for (int attempt = 2; attempt <= 8; attempt++) {
            int retry = attempt - 1;
            Duration ceiling = Duration.ofMillis(Math.min(5000, 250L << (retry - 1)));
            Duration longest = Duration.ZERO;
            for (int draw = 0; draw < 500; draw++) {
                Duration delay = backoff.computeDelay(attempt);
                assertThat(delay).as("retry " + retry).isBetween(Duration.ZERO, ceiling);
                longest = delay.compareTo(longest) > 0 ? delay : longest;
            }
            assertThat(longest).as("full jitter reaches near the ceiling").isGreaterThan(ceiling.dividedBy(2));
        }
    }

    @Test
    void throttlingAndServerErrorsAreRetriedOtherFailuresAreNot() {
        assertThat(Retries.throttlingOrTransient(service("TooManyRequestsException", 400))).isTrue();
        assertThat(Retries.throttlingOrTransient(service("TooManyRequestsException", 429))).isTrue();
        assertThat(Retries.throttlingOrTransient(service("InternalErrorException", 500))).isTrue();
        assertThat(Retries.throttlingOrTransient(service("AccessDeniedException", 400))).isFalse();
        assertThat(Retries.throttlingOrTransient(service("ConflictException", 409))).isFalse();
        assertThat(Retries.throttlingOrTransient(service(null, 404))).as("an answer without an error code").isFalse();
    }

    @Test
    void aTransactionCancelledOnlyForAConflictIsRetriedOneWithAFailedConditionIsNot() {
        assertThat(Retries.transactionConflict(cancelled("TransactionConflict", "None"))).isTrue();
        assertThat(Retries.transactionConflict(cancelled("ConditionalCheckFailed", "TransactionConflict"))).isFalse();
        assertThat(Retries.transactionConflict(cancelled("None", "ConditionalCheckFailed"))).isFalse();
    }

    private static AwsServiceException service(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder().cancellationReasons(java.util.Arrays.stream(codes)
                .map(code -> CancellationReason.builder().code(code).build()).toList()).build();
    }
}
