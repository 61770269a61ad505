package invoicegroups.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BatchGetItem may answer a throttled batch with its keys in {@code UnprocessedKeys} instead of failing; the SDK
 * does not ask again for them. The authorizer does, up to {@value TenantRegistry#MAX_ATTEMPTS} calls in all, and
 * then fails (500): a key it could not read is never taken for a missing record (a Deny) or an Allow.
 */
class UnprocessedKeysTest {

    private static AuthorizerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new AuthorizerFixture("registry-unprocessed");
        fixture.registry.activeTenant("acme", "clientacme");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void keysLeftUnprocessedOnceAreAskedForAgain() {
        try (UnprocessingDynamoDb dynamoDb = new UnprocessingDynamoDb(fixture.dynamoDbLocal.endpoint(), 1)) {
            Outcome outcome = fixture.call(authorizerBehind(dynamoDb), token());

            assertThat(outcome.status()).isEqualTo(200);
            assertThat(dynamoDb.batchGets()).isEqualTo(2);
        }
    }

    @Test
    void keysLeftUnprocessedEveryTimeAreAFailureAfterThreeCalls() {
        try (UnprocessingDynamoDb dynamoDb = new UnprocessingDynamoDb(fixture.dynamoDbLocal.endpoint(), 100)) {
            Outcome outcome = fixture.call(authorizerBehind(dynamoDb), token());

            assertThat(outcome.status()).isEqualTo(500);
            assertThat(outcome.thrown()).isInstanceOf(RegistryUnavailableException.class);
            assertThat(dynamoDb.batchGets()).isEqualTo(TenantRegistry.MAX_ATTEMPTS);
            assertThat(outcome.logLine()).contains("\"decision\":\"Error\"");
        }
    }

    private static TokenAuthorizer authorizerBehind(UnprocessingDynamoDb dynamoDb) {
        Map<String, String> environment = new HashMap<>(fixture.environment());
        environment.put("DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
        return fixture.newAuthorizer(environment);
    }

    private static String token() {
        return fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme"));
    }
}
