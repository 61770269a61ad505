package invoicegroups.data;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries a call with exponential backoff and full jitter (a random wait between 0 and
 * {@code min(cap, base * 2^retry)}), a bounded number of times; after the last attempt the exception goes to the
 * caller.
 *
 * <p>Only where the SDK has no retry of its own: items BatchWriteItem accepted the call for but left in
 * {@code UnprocessedItems} ({@link BatchWriter}, for {@code import} and the local runner's data). Throttled calls are
 * retried by the SDK's retry strategy (the operator command's {@code Retries}).
 */
public final class Backoff {

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
}
