package invoicegroups;

import static invoicegroups.ListInvoiceGroupsContract.ids;
import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.support.DynamoDbLocal;
import invoicegroups.support.Events;
import invoicegroups.support.InvoiceGroupsApi;
import invoicegroups.support.Response;
import invoicegroups.support.SampleInvoiceGroups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tenant comes from the verified access token's claim ({@code requestContext.authorizer.claims}), and from nowhere else. */
class CallerTenantTest {

    private static InvoiceGroupsApi api;

    @BeforeAll
    static void seed() {
        api = InvoiceGroupsApi.onDynamoDbLocal();
        api.seed("acme", SampleInvoiceGroups.of("ig_acme", 3));
        api.seed("globex", SampleInvoiceGroups.of("ig_globex", 3));
    }

    @Test
    void withoutAnAuthorizerContextTheCallerIsUnauthorized() {
        Response response = api.call(Events.withoutAuthorizer(""));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void anAuthorizerContextWithoutClaimsIsUnauthorized() {
        Response emptyAuthorizer = api.call(Events.withAuthorizer("", Map.of()));
        Response otherAuthorizer = api.call(Events.withAuthorizer("", Map.of("principalId", "acme")));

        assertThat(emptyAuthorizer.status()).isEqualTo(401);
        assertThat(otherAuthorizer.status()).isEqualTo(401);
        assertThat(otherAuthorizer.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void claimsThatAreNotAMapAreForbidden() {
        Response response = api.call(Events.withAuthorizer("", Map.of("claims", "tenant_id=acme")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void aTenantClaimThatIsNotAStringIsForbidden() {
        for (Object notAString : List.of(List.of("acme"), Map.of("id", "acme"), 42, true)) {
            Response response = api.call(Events.withAuthorizer("", Map.of("claims", Map.of("tenant_id", notAString))));

            assertThat(response.status()).as("tenant claim %s", notAString).isEqualTo(403);
            assertThat(response.message()).isEqualTo("Forbidden");
        }
    }

    @Test
    void withoutTheTenantClaimTheCallerIsForbidden() {
        Response response = api.call(Events.list("", Map.of("scope", "invoice-groups/read", "sub", "client")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @ParameterizedTest(name = "tenant claim \"{0}\"")
    @ValueSource(strings = {"", " ", "acme ", "[acme globex]", "acme,globex", "acme/../globex", "ten\nant", "é"})
    void aBlankOrMalformedTenantClaimIsForbidden(String claim) {
        Response response = api.call(Events.list("", Map.of("tenant_id", claim)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.message()).isEqualTo("Forbidden");
    }

    @Test
    void anOverlongTenantClaimIsForbidden() {
        assertThat(api.list("a".repeat(129), "").status()).isEqualTo(403);
        assertThat(api.list("a".repeat(128), "").status()).isEqualTo(200);
    }

    @Test
    void queryParametersNamingAnotherTenantChangeNothing() {
        Response response = api.list("acme", "tenant_id=globex&tenantId=globex&tenant=globex");

        assertThat(ids(response)).containsExactly("ig_acme_00001", "ig_acme_00002", "ig_acme_00003");
    }

    @Test
    void theTenantClaimsNameIsConfiguration() {
        var dynamoDbLocal = DynamoDbLocal.shared();
        InvoiceGroupsApi customClaim = InvoiceGroupsApi.create(dynamoDbLocal.endpoint(), dynamoDbLocal.newClient(),
                Map.of("TENANT_CLAIM", "custom:tenant"));
        customClaim.seed("globex", SampleInvoiceGroups.of("ig_globex", 2));
        Map<String, String> claims = new HashMap<>(Map.of("custom:tenant", "globex", "tenant_id", "acme"));

        Response response = customClaim.call(Events.list("", claims));

        assertThat(ids(response)).containsExactly("ig_globex_00001", "ig_globex_00002");
        claims.remove("custom:tenant");
        assertThat(customClaim.call(Events.list("", claims)).status()).isEqualTo(403);
    }
}
