package invoicegroups.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.RunningLocalApi;
import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.gateway.AuthorizerDecision.Allowed;
import invoicegroups.local.gateway.AuthorizerDecision.Refused;
import invoicegroups.table.TenantRegistryTable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API Gateway's authorizer result cache, kept per Authorization header: an Allow and a Deny are policies and are kept
 * for the TTL (a change of the registry shows only once it has passed), {@code Unauthorized} and failures are not, and
 * a TTL of 0 asks the authorizer every time. The authorizer is the stack's, on the runner's registry; time is a
 * counter the test moves.
 */
class AuthorizerCacheTest {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static RunningLocalApi local;
    private static LambdaAuthorizer authorizer;
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start();
        authorizer = local.lambdaAuthorizer();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void anAllowAndADenyAreKeptForTheTtlThenTheAuthorizerIsAskedAgain() {
        AuthorizerCache cache = cache(TTL);
        String globex = "Bearer " + local.token(DemoClients.GLOBEX);
        assertThat(cache.authorize(globex)).isInstanceOf(Allowed.class);
        local.setTenantStatus("globex", TenantRegistryTable.SUSPENDED);
        try {
            later(TTL.minusMillis(1));
            assertThat(cache.authorize(globex)).as("the Allow kept").isInstanceOf(Allowed.class);
            assertThat(calls).hasValue(1);

            later(Duration.ofMillis(1));
            assertThat(cache.authorize(globex)).as("asked again: suspended").isEqualTo(forbidden());
            assertThat(calls).hasValue(2);
        } finally {
            local.setTenantStatus("globex", TenantRegistryTable.ACTIVE);
        }
        later(TTL.minusMillis(1));
        assertThat(cache.authorize(globex)).as("the Deny kept").isEqualTo(forbidden());
        assertThat(calls).hasValue(2);
        later(Duration.ofMillis(1));
        assertThat(cache.authorize(globex)).as("asked again: resumed").isInstanceOf(Allowed.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void unauthorizedIsNotAPolicyAndIsNotKept() {
        AuthorizerCache cache = cache(TTL);

        assertThat(cache.authorize("Bearer a.b.c")).isEqualTo(new Refused(401, LambdaAuthorizer.UNAUTHORIZED));
        assertThat(cache.authorize("Bearer a.b.c")).isEqualTo(new Refused(401, LambdaAuthorizer.UNAUTHORIZED));
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailureIsNotKept() {
        AuthorizerCache cache = new AuthorizerCache(header -> {
            calls.incrementAndGet();
            return new Refused(500, LambdaAuthorizer.INTERNAL_SERVER_ERROR);
        }, TTL, now::get);

        cache.authorize("Bearer x");
        cache.authorize("Bearer x");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aTtlOfZeroAsksTheAuthorizerEveryTime() {
        AuthorizerCache cache = cache(Duration.ZERO);
        String acme = "Bearer " + local.token(DemoClients.ACME);

        cache.authorize(acme);
        cache.authorize(acme);
        assertThat(calls).hasValue(2);
    }

    @Test
    void eachAuthorizationHeaderIsItsOwnEntry() {
        AuthorizerCache cache = cache(TTL);
        String acme = local.token(DemoClients.ACME);

        assertThat(cache.authorize("Bearer " + acme)).isInstanceOf(Allowed.class);
        assertThat(cache.authorize(acme)).isInstanceOf(Allowed.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void atMostTenThousandDecisionsAreHeldAndExpiredOnesMakeRoom() {
        Allowed allow = new Allowed("p", Map.of(), 0, "key");
        AuthorizerCache cache = new AuthorizerCache(header -> {
            calls.incrementAndGet();
            return allow;
        }, TTL, now::get);
        for (int i = 0; i < AuthorizerCache.MAX_ENTRIES + 5; i++) {
            cache.authorize("Bearer " + i);
        }
        assertThat(cache.size()).isEqualTo(AuthorizerCache.MAX_ENTRIES);
        cache.authorize("Bearer " + (AuthorizerCache.MAX_ENTRIES + 1));
        assertThat(calls).as("the one not kept is asked again").hasValue(AuthorizerCache.MAX_ENTRIES + 6);

        later(TTL);
        cache.authorize("Bearer new");
        assertThat(cache.size()).as("expired ones dropped to make room").isEqualTo(1);
    }

    private AuthorizerCache cache(Duration ttl) {
        Function<String, AuthorizerDecision> counted = header -> {
            calls.incrementAndGet();
            return authorizer.authorize(header);
        };
        return new AuthorizerCache(counted, ttl, now::get);
    }

    private void later(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private static Refused forbidden() {
        return new Refused(403, LambdaAuthorizer.FORBIDDEN);
    }
}
