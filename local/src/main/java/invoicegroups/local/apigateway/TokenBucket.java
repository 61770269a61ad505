package invoicegroups.local.apigateway;

/**
 * API Gateway's throttle for one API key in a usage plan: the token bucket algorithm, a token a request
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html): the bucket holds
 * at most {@code burst} tokens, starts full and refills at {@code rate} tokens a second; a request that finds it
 * empty is throttled. Thread-safe; a take is a few arithmetic operations under the bucket's own lock.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.capacity = burst;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** @return whether a token was there (and is now taken) */
    synchronized boolean tryTake(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
            refilledAt = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
