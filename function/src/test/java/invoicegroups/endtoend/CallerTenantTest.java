package invoicegroups.endtoend;

import static invoicegroups.endtoend.ListInvoiceGroupsContract.ids;
import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.support.Events;
import invoicegroups.support.InvoiceGroupsApi;
import invoicegroups.support.Response;
import invoicegroups.support.SampleInvoiceGroups;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tenant comes from the Lambda authorizer's decision ({@code requestContext.authorizer.tenantId}), and from
 * nowhere else: not the query, not a claim of the token.
 */
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
    void anEmptyAuthorizerContextIsUnauthorized() {
        Response emptyAuthorizer = api.call(Events.withAuthorizer("", Map.of()));

        assertThat(emptyAuthorizer.status()).isEqualTo(401);
        assertThat(emptyAuthorizer.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void anAuthorizerContextWithoutTheTenantIsForbidden() {
        Response principalOnly = api.call(Events.withAuthorizer("", Map.of("principalId", "acme")));
        Map<String, Object> withoutTenant = Events.authorizer("acme");
        withoutTenant.remove("tenantId");
        Response noTenant = api.call(Events.withAuthorizer("", withoutTenant));

        assertThat(principalOnly.status()).isEqualTo(403);
        assertThat(noTenant.status()).isEqualTo(403);
        assertThat(noTenant.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void aTenantThatIsNotAStringIsForbidden() {
        for (Object notAString : List.of(List.of("acme"), Map.of("id", "acme"), 42, true)) {
            Response response = api.call(Events.withAuthorizer("", Events.authorizer(notAString)));

            assertThat(response.status()).as("tenantId %s", notAString).isEqualTo(403);
            assertThat(response.message()).isEqualTo("Forbidden");
        }
    }

    @Test
    void theClaimsOfACognitoAuthorizerAreNotReadAnyMore() {
        // What the Cognito user-pool authorizer used to hand over: a tenant claim, but no authorizer decision.
        Response response = api.call(Events.withAuthorizer("", Map.of("claims", Map.of("tenant_id", "acme"))));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @ParameterizedTest(name = "tenantId \"{0}\"")
    @ValueSource(strings = {"", " ", "acme ", "[acme globex]", "acme,globex", "acme/../globex", "ten\nant", "é"})
    void aBlankOrMalformedTenantIsForbidden(String tenant) {
        Response response = api.call(Events.withAuthorizer("", Events.authorizer(tenant)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.message()).isEqualTo("Forbidden");
    }

    @Test
    void anOverlongTenantIsForbidden() {
        assertThat(api.list("a".repeat(129), "").status()).isEqualTo(403);
        assertThat(api.list("a".repeat(128), "").status()).isEqualTo(200);
    }

    @Test
    void queryParametersNamingAnotherTenantChangeNothing() {
        Response response = api.list("acme", "tenant_id=globex&tenantId=globex&tenant=globex");

        assertThat(ids(response)).containsExactly("ig_acme_00001", "ig_acme_00002", "ig_acme_00003");
    }

    @Test
    void otherContextKeysNamingAnotherTenantChangeNothing() {
        Map<String, Object> authorizer = Events.authorizer("globex");
        authorizer.put("principalId", "acme");
        authorizer.put("claims", Map.of("tenant_id", "acme"));
        authorizer.put("tenant_id", "acme");

        Response response = api.call(Events.withAuthorizer("", authorizer));

        assertThat(ids(response)).containsExactly("ig_globex_00001", "ig_globex_00002", "ig_globex_00003");
    }
}
