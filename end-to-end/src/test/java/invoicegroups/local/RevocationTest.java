package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.OperatorCommand.Credentials;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's suspension bound at the running runner: with tokens already issued (and their Allow cached),
 * {@code tenants suspend} and {@code tenants remove} are refused (403) within {@code --revocation-seconds}, and
 * {@code tenants resume} restores access within the same bound (its Deny was cached too); with 0, at once.
 */
class RevocationTest {

    static final Duration BOUND = Duration.ofSeconds(2);
    /** Time for one request and the poll's step on top of the bound. */
    static final Duration SLACK = Duration.ofMillis(1000);

    @Test
    void aSuspendedTenantIsRefusedWithinTheBoundAndAResumedOneRestoredWithinIt() throws Exception {
        try (RunningLocalApi local = RunningLocalApi.start("--revocation-seconds", Long.toString(BOUND.toSeconds()))) {
            URI endpoint = local.api.baseUri();
            Credentials tenant = OperatorCommand.tenants(endpoint, "add", "rev-suspend").credentials();
            String issuedBefore = TenantLifecycleTest.token(local, tenant);
            assertThat(status(local, issuedBefore)).isEqualTo(200);
            long cachedAt = System.nanoTime();

            assertThat(OperatorCommand.tenants(endpoint, "suspend", "rev-suspend").status()).isZero();
            if (System.nanoTime() - cachedAt < BOUND.toNanos() / 2) {
                assertThat(status(local, issuedBefore)).as("the Allow kept by the authorizer cache").isEqualTo(200);
            }
            Duration refused = until(local, issuedBefore, 403, cachedAt);
            assertThat(refused).as("refused within the bound").isLessThanOrEqualTo(BOUND.plus(SLACK));
            long deniedAt = System.nanoTime();

            assertThat(OperatorCommand.tenants(endpoint, "resume", "rev-suspend").status()).isZero();
            Duration restored = until(local, issuedBefore, 200, deniedAt);
            assertThat(restored).as("restored within the bound").isLessThanOrEqualTo(BOUND.plus(SLACK));
            System.out.printf("revocation %d s: refused after %d ms, restored after %d ms%n", BOUND.toSeconds(),
                    refused.toMillis(), restored.toMillis());
        }
    }

    @Test
    void aRemovedTenantsTokenIsRefusedWithinTheBound() throws Exception {
        try (RunningLocalApi local = RunningLocalApi.start("--revocation-seconds", Long.toString(BOUND.toSeconds()))) {
            URI endpoint = local.api.baseUri();
            Credentials tenant = OperatorCommand.tenants(endpoint, "add", "rev-remove").credentials();
            String issuedBefore = TenantLifecycleTest.token(local, tenant);
            assertThat(status(local, issuedBefore)).isEqualTo(200);
            long cachedAt = System.nanoTime();

            assertThat(OperatorCommand.tenants(endpoint, "remove", "rev-remove").status()).isZero();

            assertThat(until(local, issuedBefore, 403, cachedAt)).isLessThanOrEqualTo(BOUND.plus(SLACK));
        }
    }

    @Test
    void withoutTheCacheEachChangeBitesOnTheNextRequest() {
        try (RunningLocalApi local = RunningLocalApi.start("--revocation-seconds", "0")) {
            URI endpoint = local.api.baseUri();
            Credentials tenant = OperatorCommand.tenants(endpoint, "add", "rev-zero").credentials();
            String issuedBefore = TenantLifecycleTest.token(local, tenant);
            assertThat(status(local, issuedBefore)).isEqualTo(200);

            OperatorCommand.tenants(endpoint, "suspend", "rev-zero");
            assertThat(status(local, issuedBefore)).isEqualTo(403);
            OperatorCommand.tenants(endpoint, "resume", "rev-zero");
            assertThat(status(local, issuedBefore)).isEqualTo(200);
            OperatorCommand.tenants(endpoint, "remove", "rev-zero");
            assertThat(status(local, issuedBefore)).isEqualTo(403);
        }
    }

    /** Polls until the token's call answers {@code status}; how long after {@code since} that was. */
    private static Duration until(RunningLocalApi local, String token, int status, long since)
            throws InterruptedException {
        long deadline = since + BOUND.plus(SLACK).multipliedBy(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (status(local, token) == status) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never answered " + status + " within " + BOUND.plus(SLACK).multipliedBy(3));
    }

    private static int status(RunningLocalApi local, String token) {
        HttpResponse<String> response = local.get("/invoice_groups", token);
        return response.statusCode();
    }
}
