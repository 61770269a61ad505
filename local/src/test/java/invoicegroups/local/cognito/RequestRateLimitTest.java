package invoicegroups.local.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.local.Options;
import invoicegroups.local.RunningLocalApi;
import invoicegroups.table.LocalRunner;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The simulated Cognito throttle: TooManyRequestsException beyond the limit, which the AWS SDK retries with backoff. */
class RequestRateLimitTest {

    @Test
    void callsBeyondTheLimitInOneSecondAreRefusedAndTheNextSecondHasRoomAgain() {
        MutableClock clock = new MutableClock();
        RequestRateLimit limit = new RequestRateLimit(2, clock);

        assertThat(List.of(limit.tryAcquire(), limit.tryAcquire(), limit.tryAcquire())).containsExactly(true, true, false);
        clock.millis += 1000;
        assertThat(limit.tryAcquire()).isTrue();
    }

    @Test
    void withoutALimitEveryCallPasses() {
        RequestRateLimit none = RequestRateLimit.none();

        assertThat(IntStream.range(0, 1000).allMatch(i -> none.tryAcquire())).isTrue();
    }

    @Test
    void overTheLimitTheApiAnswersTooManyRequestsAndTheSdkRetriesUntilItPasses() {
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0).withCognitoRequestsPerSecond(2));
                CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                        .endpointOverride(local.api.baseUri())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(EmbeddedDynamoDb.CREDENTIALS)
                        .httpClient(UrlConnectionHttpClient.create())
                        .overrideConfiguration(retries -> retries.retryStrategy(
                                AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(10).build()))
                        .build()) {
            String list = "{\"UserPoolId\":\"" + LocalRunner.USER_POOL_ID + "\"}";
            List<HttpResponse<String>> burst = IntStream.range(0, 5)
                    .mapToObj(i -> local.cognito("ListUserPoolClients", list)).toList();

            assertThat(burst).anySatisfy(refused -> {
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(RunningLocalApi.json(refused).get("__type").stringValue())
                        .isEqualTo("TooManyRequestsException");
            });
            for (int i = 0; i < 6; i++) {
                assertThat(cognito.listUserPoolClients(request -> request.userPoolId(LocalRunner.USER_POOL_ID))
                        .userPoolClients()).isNotEmpty();
            }
        }
    }

    private static final class MutableClock extends Clock {
        long millis = 1_000_000;

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
