package invoicegroups.ops.backoff;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries a call the service throttled, with exponential backoff and full jitter (a random wait between 0 and
 * {@code min(cap, base * 2^retry)}), a bounded number of times; after the last attempt the exception goes to the
 * caller.
 *
 * <p>Why: Cognito allows 15 requests per second per account for the user-pool-client operations (the
 * {@code UserPoolClientUpdate} and {@code UserPoolClientRead} categories), and any one of those operations at most
 * 5 per second per user pool; above that it answers {@code TooManyRequestsException}
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html). Onboarding many tenants meets that quota:
 * it must slow down, not fail.
 */
public final class Backoff {

    /** For Cognito's user-pool-client operations: 8 attempts, waits up to 0.25, 0.5, 1, 2, 4, 5, 5 s (about 18 s). */
    public static final Backoff COGNITO = new Backoff(8, Duration.ofMillis(250), Duration.ofSeconds(5), Backoff::sleep);

    private final int maxAttempts;
    private final Duration base;
    private final Duration cap;
    private final Sleeper sleeper;

    /** Waits; an interrupt ends the retries. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Backoff(int maxAttempts, Duration base, Duration cap, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.cap = cap;
        this.sleeper = sleeper;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * @param retryable which exceptions are worth another attempt (throttling); any other goes to the caller at once
     */
    public <T> T call(Supplier<T> call, Predicate<RuntimeException> retryable) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !retryable.test(e)) {
                    throw e;
                }
                try {
                    sleeper.sleep(delayBefore(attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The random wait after the {@code attempt}-th failure (from 1): full jitter under the exponential ceiling. */
    Duration delayBefore(int attempt) {
        long ceiling = ceiling(attempt).toMillis();
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** {@code min(cap, base * 2^(attempt - 1))}. */
    Duration ceiling(int attempt) {
        int shift = Math.min(attempt - 1, 30);
        long millis = base.toMillis() << shift;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
