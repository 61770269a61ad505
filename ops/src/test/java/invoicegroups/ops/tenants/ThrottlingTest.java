package invoicegroups.ops.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.dynamodblocal.EmbeddedDynamoDb;
import invoicegroups.ops.Outcome;
import invoicegroups.ops.backoff.Backoff;
import invoicegroups.ops.cli.Arguments;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.deployment.Targets;
import invoicegroups.table.TenantRegistryTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cognito's throttling of the user-pool-client operations (a few requests per second per pool), simulated by a
 * loopback server answering {@code TooManyRequestsException} in AWS JSON 1.1: real Cognito cannot run here.
 */
class ThrottlingTest {

    private static EmbeddedDynamoDb dynamoDbLocal;

    @BeforeAll
    static void start() {
        dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
        try (DynamoDbClient dynamoDb = dynamoDbLocal.newClient()) {
            EmbeddedDynamoDb.createTenantRegistryTable(dynamoDb, TenantRegistryTable.DEFAULT_NAME);
        }
    }

    @AfterAll
    static void stop() {
        dynamoDbLocal.close();
    }

    @Test
    void aThrottledCreateIsRetriedWithBackoffNotReportedAsAFailure() throws Exception {
        try (CognitoStandIn cognito = CognitoStandIn.start(dynamoDbLocal.endpoint())) {
            cognito.fail("CreateUserPoolClient", 3, 400, "TooManyRequestsException");

            Outcome added = Outcome.of("tenants", "add", "throttled", "--endpoint", cognito.endpoint().toString());

            assertThat(added.status()).as(added.err()).isZero();
            assertThat(added.out()).startsWith("tenant throttled client_id ");
            assertThat(cognito.count("CreateUserPoolClient")).isEqualTo(4);
            assertThat(cognito.clients).hasSize(1);
        }
    }

    @Test
    void throttlingPastTheBoundIsOneLineSayingSo() throws Exception {
        try (CognitoStandIn cognito = CognitoStandIn.start(dynamoDbLocal.endpoint())) {
            cognito.fail("CreateUserPoolClient", 100, 400, "TooManyRequestsException");
            Backoff quick = new Backoff(4, Duration.ofMillis(1), Duration.ofMillis(2), duration -> { });
            TenantsCommand command = new TenantsCommand(Targets::resolve, quick, Clock.systemUTC());

            CommandFailure failure = Assertions.catchThrowableOfType(() -> command.run(
                    Arguments.parse(List.of("add", "patient", "--endpoint", cognito.endpoint().toString())),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())),
                    CommandFailure.class);

            assertThat(failure.exitStatus()).isEqualTo(1);
            assertThat(failure).hasMessage("Cognito kept throttling cognito-idp:CreateUserPoolClient on user pool"
                    + " us-east-1_LocalPool after 4 attempts: try again in a minute");
            assertThat(cognito.count("CreateUserPoolClient")).isEqualTo(4);
        }
    }
}
