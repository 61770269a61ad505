package invoicegroups.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Backoff backoff = new Backoff(5, Duration.ofMillis(100), Duration.ofMillis(500), waits::add);

    @Test
    void aThrottledCallIsRetriedUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();

        String result = backoff.call(() -> {
            if (calls.incrementAndGet() <= 3) {
                throw new Throttled();
            }
            return "done";
        }, e -> e instanceof Throttled);

        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(4);
        assertThat(waits).hasSize(3);
    }

    @Test
    void retriesAreBoundedAndTheLastFailureGoesToTheCaller() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> backoff.call(() -> {
            calls.incrementAndGet();
            throw new Throttled();
        }, e -> e instanceof Throttled)).isInstanceOf(Throttled.class);
        assertThat(calls).hasValue(5);
        assertThat(waits).hasSize(4);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> backoff.call(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad request");
        }, e -> e instanceof Throttled)).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void theCeilingDoublesUpToTheCap() {
        assertThat(List.of(1, 2, 3, 4, 5, 40).stream().map(backoff::ceiling).toList()).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(500),
                Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @RepeatedTest(20)
    void eachWaitIsAJitteredShareOfTheCeiling() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThat(backoff.delayBefore(attempt)).isBetween(Duration.ZERO, backoff.ceiling(attempt));
        }
    }

    private static final class Throttled extends RuntimeException {
    }
}
