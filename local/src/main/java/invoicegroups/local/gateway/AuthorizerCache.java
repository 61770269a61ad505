package invoicegroups.local.gateway;

import invoicegroups.local.gateway.AuthorizerDecision.Allowed;
import invoicegroups.local.gateway.AuthorizerDecision.Refused;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * API Gateway's authorizer result cache in front of the {@link LambdaAuthorizer}: the decision for one
 * {@code Authorization} header value (a TOKEN authorizer's identity source is the cache key) is kept for the
 * authorizer's TTL ({@code --revocation-seconds}, the stack's {@code revocationSeconds}), so a suspension, a removal
 * or a resumption bites within that bound, not at once. What is kept is the policy the authorizer returned, an Allow
 * (with its context and usage identifier key) or a Deny: "When Authorization Caching is activated on a Lambda
 * authorizer, the returned IAM policy is cached"
 * (https://aws.amazon.com/premiumsupport/knowledge-center/api-gateway-lambda-authorization-errors/; "for a valid
 * policy, API Gateway caches the returned policy, associated with the incoming token",
 * https://aws.amazon.com/blogs/compute/introducing-custom-authorizers-in-amazon-api-gateway/). The authorizer's
 * {@code Unauthorized} (401) is no policy and its failures (500) are errors: neither is kept, the next request asks
 * the authorizer again. A TTL of 0 turns the cache off, as it does API Gateway's.
 *
 * <p>Thread-safe; a hit is one map lookup. At most {@value #MAX_ENTRIES} decisions are held: when full, expired ones
 * are dropped, and if none had expired the new decision is not kept.
 */
public final class AuthorizerCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(AuthorizerDecision decision, long expiresAtNanos) {
    }

    private final Function<String, AuthorizerDecision> authorizer;
    private final long ttlNanos;
    private final LongSupplier nanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param authorizer {@link LambdaAuthorizer#authorize}
     * @param ttl how long a decision is kept; zero: not at all
     */
    public AuthorizerCache(Function<String, AuthorizerDecision> authorizer, Duration ttl) {
        this(authorizer, ttl, System::nanoTime);
    }

    AuthorizerCache(Function<String, AuthorizerDecision> authorizer, Duration ttl, LongSupplier nanos) {
        this.authorizer = authorizer;
        this.ttlNanos = ttl.toNanos();
        this.nanos = nanos;
    }

    /** @param authorization the request's Authorization header, or {@code null} when it had none */
    public AuthorizerDecision authorize(String authorization) {
        if (ttlNanos == 0 || authorization == null || authorization.isEmpty()) {
            return authorizer.apply(authorization);
        }
        long now = nanos.getAsLong();
        Entry entry = entries.get(authorization);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return entry.decision();
        }
        AuthorizerDecision decision = authorizer.apply(authorization);
        boolean policy = decision instanceof Allowed || decision instanceof Refused refused && refused.isPolicy();
        if (policy && room(now)) {
            entries.put(authorization, new Entry(decision, now + ttlNanos));
        } else if (entry != null) {
            entries.remove(authorization, entry);
        }
        return decision;
    }

    /** How many decisions are held (expired ones not yet dropped included). */
    int size() {
        return entries.size();
    }

    private boolean room(long now) {
        if (entries.size() < MAX_ENTRIES) {
            return true;
        }
        entries.values().removeIf(held -> now - held.expiresAtNanos() >= 0);
        return entries.size() < MAX_ENTRIES;
    }
}
