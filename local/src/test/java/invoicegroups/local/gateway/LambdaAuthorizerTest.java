package invoicegroups.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.authorizer.AuthorizerConfiguration;
import invoicegroups.authorizer.TokenAuthorizer;
import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.local.LocalDeployment;
import invoicegroups.local.RunningLocalApi;
import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.gateway.AuthorizerDecision.Allowed;
import invoicegroups.local.gateway.AuthorizerDecision.Refused;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the front does with the Lambda authorizer's answers, as API Gateway does: no header is 401 without a call,
 * {@code Unauthorized} 401, a Deny 403, a failure 500 (the stack's {@code AUTHORIZER_FAILURE} gateway response), an
 * Allow the principal, the context and the latency for the proxy event, and the tenant's API key for the usage plans.
 */
class LambdaAuthorizerTest {

    private static RunningLocalApi local;
    private static LambdaAuthorizer authorizer;

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
    void anAllowGivesThePrincipalTheContextAndTheLatency() {
        AuthorizerDecision decision = authorizer.authorize("Bearer " + local.token(DemoClients.ACME));

        assertThat(decision).isInstanceOf(Allowed.class);
        Allowed allowed = (Allowed) decision;
        assertThat(allowed.principalId()).isEqualTo("acme-demo");
        assertThat(allowed.context()).isEqualTo(Map.of("tenantId", "acme", "clientId", "acme-demo", "plan", "standard"));
        assertThat(allowed.integrationLatencyMillis()).isNotNegative();
        // The tenant's API key, which the usage plans meter.
        assertThat(allowed.usageIdentifierKey()).isEqualTo(local.api.deployment().dynamoDb().getItem(get -> get
                .tableName(TenantRegistryTable.DEFAULT_NAME).key(Map.of(TenantRegistryTable.PARTITION_KEY,
                        AttributeValue.fromS(TenantRegistryTable.tenantRecordKey("acme"))))).item()
                .get(TenantRegistryTable.API_KEY_VALUE).s());
    }

    @Test
    void noHeaderIsUnauthorizedAndAnUnverifiableTokenToo() {
        assertThat(authorizer.authorize(null)).isEqualTo(new Refused(401, LambdaAuthorizer.UNAUTHORIZED));
        assertThat(authorizer.authorize("")).isEqualTo(new Refused(401, LambdaAuthorizer.UNAUTHORIZED));
        assertThat(authorizer.authorize("Bearer a.b.c")).isEqualTo(new Refused(401, LambdaAuthorizer.UNAUTHORIZED));
    }

    @Test
    void aDenyIsForbidden() {
        assertThat(authorizer.authorize("Bearer " + local.token(DemoClients.ACME_WITHOUT_READ)))
                .isEqualTo(new Refused(403, LambdaAuthorizer.FORBIDDEN));
    }

    @Test
    void anAuthorizerThatFailsIsAnInternalServerError() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        TokenAuthorizer unreachableRegistry = new TokenAuthorizer(AuthorizerConfiguration.from(Map.of(
                "JWT_ISSUER", local.issuer(), "TENANT_REGISTRY_TABLE", LocalDeployment.REGISTRY_TABLE_NAME,
                "AWS_REGION", EmbeddedDynamoDb.REGION.id(), "DYNAMODB_ENDPOINT", "http://127.0.0.1:" + closedPort)),
                new PrintStream(OutputStream.nullOutputStream()));

        assertThat(new LambdaAuthorizer(unreachableRegistry, "GET", RestApiFront.PATH)
                .authorize("Bearer " + local.token(DemoClients.ACME)))
                .isEqualTo(new Refused(500, LambdaAuthorizer.INTERNAL_SERVER_ERROR));
    }
}
