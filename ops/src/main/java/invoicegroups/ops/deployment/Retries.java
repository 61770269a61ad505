package invoicegroups.ops.deployment;

import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * How the SDK retries what a service throttled: its standard strategy with exponential backoff and full jitter (a
 * random wait between 0 and {@code min(cap, base * 2^(attempt-1))}, {@link BackoffStrategy#exponentialDelay}), a
 * bounded number of attempts, and no circuit breaker (a bulk {@code tenants add --file} that meets a quota must slow
 * down, not start failing once the SDK's retry token bucket is empty).
 *
 * <p>Why: Cognito allows 15 requests per second per account for the user-pool-client operations and 5 per second
 * for any one of them on one pool (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html); API
 * Gateway's CreateApiKey and DeleteApiKey 5 per second per account, not adjustable
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html). Above that they answer
 * {@code TooManyRequestsException}.
 *
 * @param maxAttempts attempts a call, the first included
 * @param base the first retry's ceiling
 * @param cap the largest ceiling
 */
public record Retries(int maxAttempts, Duration base, Duration cap) {

    /**
     * 8 attempts; before attempts 2 to 8 the SDK waits a random time under 0.25, 0.5, 1, 2, 4, 5 and 5 s: 17.75 s at
     * most in all, the bound of the hand-written backoff this replaced.
     */
    public static final Retries DEFAULT = new Retries(8, Duration.ofMillis(250), Duration.ofSeconds(5));

    /** Error codes that mean "too many requests" on Cognito and API Gateway (both: TooManyRequestsException). */
    private static final Set<String> THROTTLING = Set.of("TooManyRequestsException", "ThrottlingException",
            "Throttling", "LimitExceededException");
    /** DynamoDB's answer to two writes of one item at the same instant: worth another attempt. */
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    public Retries {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** For Cognito and API Gateway: throttling and their transient 5xx, besides the SDK's own conditions. */
    public RetryStrategy throttled() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(backoff())
                .throttlingBackoffStrategy(backoff())
                .retryOnException(Retries::throttlingOrTransient)
                .treatAsThrottling(Retries::throttlingOrTransient)
                .circuitBreakerEnabled(false)
                .build();
    }

    /**
     * For DynamoDB: the SDK's conditions plus a transaction DynamoDB cancelled only because another write of the
     * same item was under way (TransactionConflict), which did nothing and may be sent again. A conditional check
     * that failed is never retried: it is the answer.
     */
    public RetryStrategy dynamoDb() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(backoff())
                .throttlingBackoffStrategy(backoff())
                .retryOnException(Retries::transactionConflict)
                .circuitBreakerEnabled(false)
                .build();
    }

    /** Full jitter under {@code min(cap, base * 2^(attempt-1))}. */
    BackoffStrategy backoff() {
        return BackoffStrategy.exponentialDelay(base, cap);
    }

    static boolean throttlingOrTransient(Throwable e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return code != null && THROTTLING.contains(code) || service.isThrottlingException()
                    || service.statusCode() >= 500;
        }
        return false;
    }

    static boolean transactionConflict(Throwable e) {
        if (e instanceof TransactionConflictException) {
            return true;
        }
        if (e instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
            boolean conflict = false;
            for (CancellationReason reason : cancelled.cancellationReasons()) {
                String code = reason.code();
                if (TRANSACTION_CONFLICT.equals(code)) {
                    conflict = true;
                } else if (code != null && !"None".equals(code)) {
                    return false;
                }
            }
            return conflict;
        }
        return false;
    }
}
