package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.data.TenantInvoiceGroup;
import invoicegroups.local.OperatorCommand.Credentials;
import invoicegroups.local.data.InvoiceGroupGenerator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's life through the operator command against the running local runner, seen from the token endpoint and
 * the API: suspend, resume, rotate, remove-client, remove.
 */
class TenantLifecycleTest {

    private static RunningLocalApi local;
    private static URI endpoint;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start();
        endpoint = local.api.baseUri();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void anAddedTenantGetsTokensThatListItsOwnInvoiceGroups() {
        Credentials hooli = OperatorCommand.tenants(endpoint, "add", "hooli").credentials();
        load("hooli", 3);

        HttpResponse<String> page = local.get("/invoice_groups", token(hooli));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(ListingOverHttpTest.ids(RunningLocalApi.json(page))).containsExactly(
                InvoiceGroupGenerator.id("hooli", 1), InvoiceGroupGenerator.id("hooli", 2),
                InvoiceGroupGenerator.id("hooli", 3));
    }

    @Test
    void suspendStopsNewTokensAndResumeGivesThemAgain() {
        Credentials piper = OperatorCommand.tenants(endpoint, "add", "piper").credentials();
        load("piper", 1);
        String issuedBefore = token(piper);

        assertThat(OperatorCommand.tenants(endpoint, "suspend", "piper").status()).isZero();

        assertRefused(piper, 400);
        assertThat(local.get("/invoice_groups", issuedBefore).statusCode())
                .as("a token issued before, never used, is denied by the authorizer (nothing was cached for it)")
                .isEqualTo(403);
        assertThat(OperatorCommand.tenants(endpoint, "resume", "piper").status()).isZero();
        assertThat(local.get("/invoice_groups", token(piper)).statusCode()).isEqualTo(200);
    }

    @Test
    void rotateGivesASecondSecretAndBothWorkUntilRemoveClient() {
        Credentials old = OperatorCommand.tenants(endpoint, "add", "aviato").credentials();
        load("aviato", 2);

        Credentials rotated = OperatorCommand.tenants(endpoint, "rotate", "aviato").credentials();

        assertThat(rotated.clientId()).isNotEqualTo(old.clientId());
        assertThat(ids(token(old))).containsExactlyElementsOf(ids(token(rotated))).hasSize(2);
        OperatorCommand removed = OperatorCommand.tenants(endpoint, "remove-client", old.clientId());
        assertThat(removed.status()).as(removed.err()).isZero();
        assertRefused(old, 401);
        assertThat(ids(token(rotated))).hasSize(2);
    }

    @Test
    void removeLeavesNoClientThatGetsAToken() {
        Credentials first = OperatorCommand.tenants(endpoint, "add", "raviga").credentials();
        Credentials second = OperatorCommand.tenants(endpoint, "rotate", "raviga").credentials();

        OperatorCommand removed = OperatorCommand.tenants(endpoint, "remove", "raviga");

        assertThat(removed.status()).as(removed.err()).isZero();
        assertRefused(first, 401);
        assertRefused(second, 401);
        assertThat(OperatorCommand.tenants(endpoint, "list").out()).doesNotContain("raviga");
    }

    @Test
    void anExistingTenantIsRefusedByName() {
        OperatorCommand again = OperatorCommand.tenants(endpoint, "add", "acme");

        assertThat(again.status()).isEqualTo(5);
        assertThat(again.err()).startsWith("error: tenant acme already exists").hasLineCount(1);
    }

    private static String token(Credentials credentials) {
        return token(local, credentials);
    }

    /** A token for the credentials from the runner's token endpoint, as the README's curl gets one. */
    static String token(RunningLocalApi local, Credentials credentials) {
        HttpResponse<String> response = local.requestToken(
                RunningLocalApi.basic(credentials.clientId(), credentials.clientSecret()),
                "grant_type=client_credentials");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningLocalApi.json(response).get("access_token").stringValue();
    }

    /**
     * @param status 400 (invalid_request: the pre-token-generation trigger refused a suspended client) or 401
     *               (invalid_client: the app client is gone), as Cognito's token endpoint answers
     */
    private static void assertRefused(Credentials credentials, int status) {
        HttpResponse<String> response = local.requestToken(
                RunningLocalApi.basic(credentials.clientId(), credentials.clientSecret()),
                "grant_type=client_credentials");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("access_token");
    }

    private static List<String> ids(String token) {
        return ListingOverHttpTest.ids(RunningLocalApi.json(local.get("/invoice_groups", token)));
    }

    private static void load(String tenant, int count) {
        local.api.deployment().loader().load(InvoiceGroupGenerator.invoiceGroups(tenant, count)
                .map(group -> new TenantInvoiceGroup(tenant, group)).toList());
    }
}
