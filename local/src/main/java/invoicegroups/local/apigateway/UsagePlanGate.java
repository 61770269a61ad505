package invoicegroups.local.apigateway;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a REST API whose methods require an API key does with the key a Lambda authorizer returns as
 * {@code usageIdentifierKey} (API key source {@code AUTHORIZER}), before the integration runs: the key must be an
 * enabled API key in a usage plan of the stage, else {@code 403 {"message":"Forbidden"}} (gateway response
 * {@code INVALID_API_KEY}); then the usage plan's throttle for that key (a {@link TokenBucket} per key: rate, burst),
 * {@code 429 {"message":"Too Many Requests"}} ({@code THROTTLED}); then its monthly quota,
 * {@code 429 {"message":"Limit Exceeded"}} ({@code QUOTA_EXCEEDED}). Limits apply to each key on its own, so one
 * tenant at its limit takes nothing from another.
 *
 * <p>Everything is in memory (the key by its value from {@link ApiKeyStore}, a bucket and a count per key): a refused
 * request costs a map lookup and a few arithmetic operations, no DynamoDB call, no handler.
 */
public final class UsagePlanGate {

    /** What the gate decided. */
    public enum Admission {
        ADMITTED(0, null),
        INVALID_API_KEY(403, "{\"message\":\"Forbidden\"}"),
        THROTTLED(429, "{\"message\":\"Too Many Requests\"}"),
        QUOTA_EXCEEDED(429, "{\"message\":\"Limit Exceeded\"}");

        private final int status;
        private final String body;

        Admission(int status, String body) {
            this.status = status;
            this.body = body;
        }

        /** The gateway response's status (not for {@link #ADMITTED}). */
        public int status() {
            return status;
        }

        /** The gateway response's body, as the stack's gateway responses word it. */
        public String body() {
            return body;
        }
    }

    /** A key's meter within one usage plan: moved to another plan, the key starts afresh there. */
    private record Meter(String usagePlanId, TokenBucket bucket, Optional<MonthlyQuota> quota) {
    }

    private final ApiKeyStore keys;
    private final Map<String, UsagePlan> plans;
    private final Clock clock;
    private final LongSupplier nanos;
    private final Map<String, Meter> meters = new ConcurrentHashMap<>();

    /** @param plans the stage's usage plans by id */
    public UsagePlanGate(ApiKeyStore keys, Map<String, UsagePlan> plans, Clock clock) {
        this(keys, plans, clock, System::nanoTime);
    }

    UsagePlanGate(ApiKeyStore keys, Map<String, UsagePlan> plans, Clock clock, LongSupplier nanos) {
        this.keys = keys;
        this.plans = Map.copyOf(plans);
        this.clock = clock;
        this.nanos = nanos;
    }

    /** @param usageIdentifierKey the API key value the authorizer returned, or {@code null} when it returned none */
    public Admission admit(String usageIdentifierKey) {
        Optional<ApiKey> key = keys.byValue(usageIdentifierKey).filter(ApiKey::enabled);
        UsagePlan plan = key.flatMap(ApiKey::usagePlanId).map(plans::get).orElse(null);
        if (plan == null) {
            return Admission.INVALID_API_KEY;
        }
        Meter meter = meters.get(key.get().id());
        if (meter == null || !meter.usagePlanId().equals(plan.id())) {
            meter = meters.compute(key.get().id(), (id, existing) -> existing != null
                    && existing.usagePlanId().equals(plan.id()) ? existing : meter(plan));
        }
        if (!meter.bucket().tryTake(nanos.getAsLong())) {
            return Admission.THROTTLED;
        }
        if (meter.quota().isPresent()
                && !meter.quota().get().tryCount(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            return Admission.QUOTA_EXCEEDED;
        }
        return Admission.ADMITTED;
    }

    private Meter meter(UsagePlan plan) {
        return new Meter(plan.id(), new TokenBucket(plan.plan().rateLimit(), plan.plan().burstLimit(),
                nanos.getAsLong()), plan.plan().monthlyQuota().stream().mapToObj(MonthlyQuota::new).findFirst());
    }
}
