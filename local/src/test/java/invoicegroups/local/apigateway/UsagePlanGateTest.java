package invoicegroups.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.local.apigateway.UsagePlanGate.Admission;
import invoicegroups.table.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A usage plan at the edge, per API key: an unknown, disabled or unplanned key is INVALID_API_KEY (403); the token
 * bucket lets a burst through, then the rate; the monthly quota counts admitted requests only, from the first of the
 * month (UTC); one key at its limits takes nothing from another; many threads on one key get exactly what the bucket
 * holds. Time is a counter and a clock the test moves.
 */
class UsagePlanGateTest {

    private static EmbeddedDynamoDb dynamoDbLocal;
    private static DynamoDbClient dynamoDb;
    private static int tables;

    private final AtomicLong nanos = new AtomicLong(5_000);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T23:59:59Z"));
    private final Map<String, UsagePlan> plans = Map.of(
            "small", UsagePlan.of(new Plan("small", 2, 3, OptionalLong.empty())),
            "metered", UsagePlan.of(new Plan("metered", 1, 1, OptionalLong.of(2))),
            "wide", UsagePlan.of(new Plan("wide", 1000, 5, OptionalLong.empty())));
    private ApiKeyStore keys;
    private UsagePlanGate gate;

    @BeforeAll
    static void startDynamoDbLocal() {
        dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
        dynamoDb = dynamoDbLocal.newClient();
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        dynamoDbLocal.close();
    }

    @BeforeEach
    void newStore() {
        keys = new ApiKeyStore(dynamoDb, "keys-" + ++tables, clock);
        gate = new UsagePlanGate(keys, plans, clock, nanos::get);
    }

    @Test
    void aKeyThatIsUnknownDisabledOrInNoUsagePlanIsRefusedAsInvalid() {
        ApiKey unplanned = keys.create("unplanned", null, true, null);
        ApiKey disabled = keys.create("disabled", null, false, null);
        keys.attach(plans.get("small"), disabled.id());

        assertThat(gate.admit(null)).isEqualTo(Admission.INVALID_API_KEY);
        assertThat(gate.admit("no-such-key-value-at-all")).isEqualTo(Admission.INVALID_API_KEY);
        assertThat(gate.admit(unplanned.value())).isEqualTo(Admission.INVALID_API_KEY);
        assertThat(gate.admit(disabled.value())).isEqualTo(Admission.INVALID_API_KEY);
        assertThat(Admission.INVALID_API_KEY.status()).isEqualTo(403);
        assertThat(Admission.INVALID_API_KEY.body()).isEqualTo("{\"message\":\"Forbidden\"}");

        keys.update(disabled.id(), disabled.name(), null, true);
        assertThat(gate.admit(disabled.value())).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void theBucketLetsTheBurstThroughThenTheRate() {
        String key = planned("small");

        assertThat(admissions(key, 4)).containsExactly(Admission.ADMITTED, Admission.ADMITTED, Admission.ADMITTED,
                Admission.THROTTLED);
        later(Duration.ofMillis(499));
        assertThat(gate.admit(key)).isEqualTo(Admission.THROTTLED);
        later(Duration.ofMillis(1));
        assertThat(admissions(key, 2)).containsExactly(Admission.ADMITTED, Admission.THROTTLED);
        later(Duration.ofSeconds(60));
        assertThat(admissions(key, 4)).as("never more than the burst at once").containsExactly(Admission.ADMITTED,
                Admission.ADMITTED, Admission.ADMITTED, Admission.THROTTLED);
        assertThat(Admission.THROTTLED.status()).isEqualTo(429);
        assertThat(Admission.THROTTLED.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    }

    @Test
    void theMonthlyQuotaCountsAdmittedRequestsAndStartsAgainOnTheFirstOfTheMonthUtc() {
        String key = planned("metered");

        assertThat(gate.admit(key)).isEqualTo(Admission.ADMITTED);
        assertThat(gate.admit(key)).as("throttled: not counted").isEqualTo(Admission.THROTTLED);
        later(Duration.ofSeconds(1));
        assertThat(gate.admit(key)).isEqualTo(Admission.ADMITTED);
        later(Duration.ofSeconds(1));
        assertThat(gate.admit(key)).isEqualTo(Admission.QUOTA_EXCEEDED);
        assertThat(Admission.QUOTA_EXCEEDED.status()).isEqualTo(429);
        assertThat(Admission.QUOTA_EXCEEDED.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");

        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        later(Duration.ofSeconds(1));
        assertThat(gate.admit(key)).as("a new month").isEqualTo(Admission.ADMITTED);
    }

    @Test
    void oneKeyAtItsLimitsTakesNothingFromAnother() {
        String noisy = planned("small");
        String quiet = planned("small");
        admissions(noisy, 100);

        assertThat(admissions(quiet, 3)).containsOnly(Admission.ADMITTED);
    }

    @Test
    void aKeyMovedToAnotherPlanIsMeteredByThatPlan() {
        ApiKey key = keys.create("moved", null, true, null);
        keys.attach(plans.get("metered"), key.id());
        admissions(key.value(), 3);

        keys.detach(plans.get("metered"), key.id());
        assertThat(gate.admit(key.value())).as("in neither for a moment").isEqualTo(Admission.INVALID_API_KEY);
        keys.attach(plans.get("wide"), key.id());
        assertThat(admissions(key.value(), 5)).containsOnly(Admission.ADMITTED);
    }

    @Test
    void manyThreadsOnOneKeyGetExactlyWhatTheBucketHolds() throws Exception {
        String key = planned("wide");

        List<Callable<Long>> threads = Collections.nCopies(8, () -> admissions(key, 1_000).stream()
                .filter(Admission.ADMITTED::equals).count());
        ExecutorService pool = Executors.newFixedThreadPool(threads.size());
        List<Long> admitted = new ArrayList<>();
        try {
            for (Future<Long> thread : pool.invokeAll(threads)) {
                admitted.add(thread.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(admitted.stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
    }

    private String planned(String plan) {
        ApiKey key = keys.create(plan, null, true, null);
        keys.attach(plans.get(plan), key.id());
        return key.value();
    }

    private List<Admission> admissions(String key, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> gate.admit(key)).toList();
    }

    private void later(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
