package invoicegroups.ops.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.ops.Outcome;
import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.deployment.Retries;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Cognito's and API Gateway's throttling (a few requests per second per account), simulated by the stand-ins
 * answering {@code TooManyRequestsException}: retried by the SDK's retry strategy ({@link Retries}), not reported;
 * past the bound, one line. API Gateway's 10,000 API keys per Region: one line saying so.
 */
class ThrottlingTest extends WithStandIns {

    @Test
    void aThrottledCreateUserPoolClientIsRetriedBySdkNotReportedAsAFailure() {
        standIns.cognito.fail("CreateUserPoolClient", 3, 400, "TooManyRequestsException");

        Outcome added = standIns.tenants("add", "throttled");

        assertThat(added.status()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("tenant throttled client_id ");
        assertThat(standIns.cognito.count("CreateUserPoolClient")).isEqualTo(4);
        assertThat(standIns.cognito.clients).hasSize(1);
    }

    @Test
    void aThrottledCreateApiKeyIsRetriedToo() {
        standIns.cognito.fail("CreateApiKey", 3, 429, "TooManyRequestsException");

        Outcome added = standIns.tenants("add", "throttled");

        assertThat(added.status()).as(added.err()).isZero();
        assertThat(standIns.cognito.count("CreateApiKey")).isEqualTo(4);
        assertThat(standIns.apiGateway.keys).hasSize(1);
    }

    @Test
    void throttlingPastTheBoundIsOneLineSayingSoAndNothingIsLeft() {
        standIns.cognito.fail("CreateUserPoolClient", 100, 400, "TooManyRequestsException");

        Outcome added = standIns.tenants("add", "patient");

        assertThat(added.status()).isEqualTo(1);
        assertThat(added.errorLine()).isEqualTo("error: Cognito kept throttling cognito-idp:CreateUserPoolClient on"
                + " user pool us-east-1_LocalPool past the retries: try again in a minute; nothing was added");
        assertThat(standIns.cognito.count("CreateUserPoolClient")).isEqualTo(StandIns.QUICK.maxAttempts());
        assertThat(standIns.apiGateway.keys).isEmpty();
        assertThat(standIns.allItems()).isEmpty();
    }

    @Test
    void theAccountsTenThousandApiKeysAreOneLineSayingSo() {
        standIns.apiGateway.keyLimit = 10_000;
        for (int i = 0; i < 10_000; i++) {
            standIns.apiGateway.seedKey("someone-else/" + i);
        }
        Environment environment = new Environment(new Retries(2, Duration.ofMillis(1), Duration.ofMillis(1)),
                Clock.systemUTC(), Environment.Steps.NONE);

        Outcome added = standIns.run(environment, "add", "one-too-many");

        assertThat(added.status()).isEqualTo(5);
        assertThat(added.errorLine()).isEqualTo("error: API Gateway allows 10000 API keys per account per Region, not"
                + " adjustable, and the local runner at " + standIns.endpoint() + " has 10000: remove tenants (or"
                + " other API keys) first, or serve further tenants from another Region or account; nothing was"
                + " added");
        assertThat(standIns.allItems()).isEmpty();
        assertThat(standIns.cognito.clients).isEmpty();
    }
}
