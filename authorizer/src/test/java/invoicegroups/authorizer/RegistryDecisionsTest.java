package invoicegroups.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import invoicegroups.lambdaclients.SilentServer;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After the token: the registry decides, from the client record and the tenant record read together. Every refusal
 * is a Deny (403) naming the reason in the decision log; only an active tenant with a plan and an API key is
 * allowed; a registry that cannot be read is a failure (500), never an Allow.
 */
class RegistryDecisionsTest {

    private static AuthorizerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new AuthorizerFixture("registry-decisions");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void anActiveTenantsClientIsAllowedWithItsContextAndItsApiKey() {
        fixture.registry.tenant("acme", TenantRegistryTable.ACTIVE, "premium", "acme-api-key-value", "clientacme1");
        fixture.registry.client("clientacme1", "acme");

        Outcome outcome = fixture.call("Bearer " + token("clientacme1", "acme"));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.response()).isEqualTo(Map.of(
                "principalId", "clientacme1",
                "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Action", "execute-api:Invoke", "Effect", "Allow", "Resource", Outcome.METHOD_ARN))),
                "context", Map.of("tenantId", "acme", "clientId", "clientacme1", "plan", "premium"),
                "usageIdentifierKey", "acme-api-key-value"));
        assertThat(outcome.logLine()).isEqualTo("{\"message\":\"authorizer decision\",\"decision\":\"Allow\","
                + "\"reason\":\"active tenant\",\"clientId\":\"clientacme1\",\"tenantId\":\"acme\"}");
    }

    @Test
    void aSuspendedTenantIsDenied() {
        fixture.registry.activeTenant("initech", "clientinitech");
        assertThat(fixture.call(token("clientinitech", "initech")).status()).isEqualTo(200);

        fixture.registry.setStatus("initech", TenantRegistryTable.SUSPENDED);

        assertDenied(token("clientinitech", "initech"), "tenant suspended", "clientinitech", "initech");
        fixture.registry.setStatus("initech", TenantRegistryTable.ACTIVE);
        assertThat(fixture.call(token("clientinitech", "initech")).status()).as("resumed").isEqualTo(200);
    }

    @Test
    void aTenantWithAnUnknownStatusIsDenied() {
        fixture.registry.activeTenant("hooli", "clienthooli");
        fixture.registry.setStatus("hooli", "ACTIVE");

        assertDenied(token("clienthooli", "hooli"), "tenant status not active", "clienthooli", "hooli");
    }

    @Test
    void aRemovedTenantIsDenied() {
        fixture.registry.activeTenant("umbrella", "clientumbrella");
        fixture.registry.delete(TenantRegistryTable.tenantRecordKey("umbrella"));

        assertDenied(token("clientumbrella", "umbrella"), "tenant not registered", "clientumbrella", "umbrella");
    }

    @Test
    void aRemovedClientIsDeniedWhileItsTenantsOtherClientIsAllowed() {
        fixture.registry.tenant("aviato", TenantRegistryTable.ACTIVE, "standard", "key-aviato", "clientaviato2");
        fixture.registry.client("clientaviato2", "aviato");

        assertDenied(token("clientaviato1", "aviato"), "client not registered", "clientaviato1", "aviato");
        assertThat(fixture.call(token("clientaviato2", "aviato")).status()).isEqualTo(200);
    }

    @Test
    void aClientWhoseRecordNamesAnotherTenantThanTheClaimIsDenied() {
        fixture.registry.activeTenant("globex", "clientglobex");
        fixture.registry.activeTenant("piper", "clientpiper");

        // A token claiming globex for piper's client (the trigger would never write it; the registry still decides).
        assertDenied(token("clientpiper", "globex"), "client registered to another tenant", "clientpiper", "globex");
    }

    @Test
    void aTenantRecordWithoutAnApiKeyIsDenied() {
        fixture.registry.tenant("raviga", TenantRegistryTable.ACTIVE, "standard", null, "clientraviga");
        fixture.registry.client("clientraviga", "raviga");

        assertDenied(token("clientraviga", "raviga"), "tenant record without an API key", "clientraviga", "raviga");
    }

    @Test
    void aTenantRecordWithoutAValidPlanIsDenied() {
        fixture.registry.tenant("bachman", TenantRegistryTable.ACTIVE, null, "key-bachman", "clientbachman");
        fixture.registry.client("clientbachman", "bachman");

        assertDenied(token("clientbachman", "bachman"), "tenant record without a valid plan", "clientbachman", "bachman");
    }

    @Test
    void aLegacyRegistryEntryWithoutATenantRecordIsDeniedUntilRepaired() {
        fixture.registry.legacyClient("clientlegacy", "legacy");

        assertDenied(token("clientlegacy", "legacy"),
                "legacy registry entry without a tenant record: run tenants check --repair", "clientlegacy", "legacy");
    }

    @Test
    void aTokenWithoutAWellFormedTenantClaimIsDeniedWithoutReadingTheRegistry() {
        fixture.registry.activeTenant("dunder", "clientdunder");

        assertDenied(fixture.tokens.signed(fixture.tokens.accessToken("clientdunder", "dunder").claim("tenant_id", null)),
                "token without a well-formed tenant claim", "clientdunder", null);
        assertDenied(fixture.tokens.signed(fixture.tokens.accessToken("clientdunder", "dunder")
                .claim("tenant_id", "dunder/../acme")), "token without a well-formed tenant claim", "clientdunder", null);
        assertDenied(fixture.tokens.signed(fixture.tokens.accessToken("clientdunder", "dunder")
                .claim("tenant_id", List.of("dunder"))), "token without a well-formed tenant claim", "clientdunder", null);
    }

    @Test
    void theTenantClaimsNameIsConfiguration() {
        fixture.registry.activeTenant("stark", "clientstark");
        Map<String, String> environment = new java.util.HashMap<>(fixture.environment());
        environment.put("TENANT_CLAIM", "org_id");
        TokenAuthorizer custom = fixture.newAuthorizer(environment);

        assertThat(fixture.call(custom, fixture.tokens.signed(fixture.tokens.accessToken("clientstark", "acme")
                .claim("org_id", "stark"))).response().get("context"))
                .isEqualTo(Map.of("tenantId", "stark", "clientId", "clientstark", "plan", "standard"));
    }

    @Test
    void anUnreachableRegistryIsAFailureNotADecision() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Map<String, String> environment = new java.util.HashMap<>(fixture.environment());
        environment.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + closedPort);
        fixture.registry.activeTenant("wayne", "clientwayne");

        Outcome outcome = fixture.call(fixture.newAuthorizer(environment), token("clientwayne", "wayne"));

        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.thrown()).isNotInstanceOf(UnauthorizedException.class);
        assertThat(outcome.logLine()).contains("\"decision\":\"Error\"", "\"reason\":\"the tenant registry is unavailable\"",
                "\"clientId\":\"clientwayne\"");
    }

    @Test
    void anUnresponsiveRegistryFailsWellInsideApiGatewaysTenSeconds() throws IOException {
        try (SilentServer silent = SilentServer.start()) {
            Map<String, String> environment = new java.util.HashMap<>(fixture.environment());
            environment.put("DYNAMODB_ENDPOINT", silent.endpoint());
            TokenAuthorizer authorizer = fixture.newAuthorizer(environment);
            fixture.registry.activeTenant("oscorp", "clientoscorp");
            String token = token("clientoscorp", "oscorp");

            long started = System.nanoTime();
            Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> fixture.call(authorizer, token));

            assertThat(outcome.status()).isEqualTo(500);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
        }
    }

    private static String token(String clientId, String tenant) {
        return fixture.tokens.signed(fixture.tokens.accessToken(clientId, tenant));
    }

    private static void assertDenied(String token, String reason, String clientId, String tenantId) {
        Outcome outcome = fixture.call("Bearer " + token);

        assertThat(outcome.status()).isEqualTo(403);
        assertThat(outcome.response()).isEqualTo(Map.of(
                "principalId", clientId,
                "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Action", "execute-api:Invoke", "Effect", "Deny", "Resource", Outcome.METHOD_ARN)))));
        assertThat(outcome.logLine()).isEqualTo("{\"message\":\"authorizer decision\",\"decision\":\"Deny\",\"reason\":\""
                + reason + "\",\"clientId\":\"" + clientId + "\",\"tenantId\":"
                + (tenantId == null ? "null" : "\"" + tenantId + "\"") + "}");
    }
}
