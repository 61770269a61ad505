package invoicegroups.tokencustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantClaimTriggerTest {

    private final TenantClaimTrigger trigger = new TenantClaimTrigger();

    @Test
    void clientCredentialsTokenCarriesTheTenantOfTheClientsTenantScope() {
        Map<String, Object> event = clientCredentialsEvent(List.of("invoice-groups/read", "tenant/acme"));

        Map<String, Object> answered = trigger.handleRequest(event);

        assertThat(answered).containsEntry("version", "3").containsEntry("userPoolId", "eu-west-1_pool");
        assertThat(answered.get("response")).isEqualTo(Map.of("claimsAndScopeOverrideDetails",
                Map.of("accessTokenGeneration", Map.of("claimsToAddOrOverride", Map.of("tenant_id", "acme")))));
    }

    @Test
    void aClientWithoutATenantScopeGetsNoToken() {
        Map<String, Object> event = clientCredentialsEvent(List.of("invoice-groups/read"));

        assertThatThrownBy(() -> trigger.handleRequest(event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app client client-1")
                .hasMessageContaining("tenant/<tenant id>");
    }

    @Test
    void aClientRegisteredForTwoTenantsGetsNoToken() {
        Map<String, Object> event = clientCredentialsEvent(List.of("tenant/acme", "invoice-groups/read", "tenant/globex"));

        assertThatThrownBy(() -> trigger.handleRequest(event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than one tenant");
    }

    @Test
    void onlyScopesOfTheTenantResourceServerNameATenant() {
        assertThat(TenantClaimTrigger.tenantOf(List.of("tenants/acme", "xtenant/acme", "tenant/", "read"), "tenant"))
                .isEmpty();
        assertThat(TenantClaimTrigger.tenantOf(List.of("tenant/acme", "tenant/acme"), "tenant")).contains("acme");
        assertThat(TenantClaimTrigger.tenantOf(null, "tenant")).isEmpty();
    }

    @Test
    void clientMetadataChosenByTheCallerCannotChooseTheTenant() {
        Map<String, Object> event = clientCredentialsEvent(List.of("tenant/acme"));
        ((Map<String, Object>) event.get("request")).put("clientMetadata", Map.of("tenant_id", "globex"));

        Map<String, Object> answered = trigger.handleRequest(event);

        assertThat(answered.get("response").toString()).contains("tenant_id=acme").doesNotContain("globex");
    }

    /** The shape Cognito sends for a client-credentials grant, as the Java runtime deserialises it (maps and lists). */
    private static Map<String, Object> clientCredentialsEvent(List<String> grantedScopes) {
        Map<String, Object> request = new HashMap<>();
        request.put("userAttributes", Map.of());
        request.put("scopes", new ArrayList<>(grantedScopes));
        request.put("groupConfiguration", null);
        Map<String, Object> response = new HashMap<>();
        response.put("claimsAndScopeOverrideDetails", null);
        Map<String, Object> event = new HashMap<>();
        event.put("version", "3");
        event.put("triggerSource", "TokenGeneration_ClientCredentials");
        event.put("region", "eu-west-1");
        event.put("userPoolId", "eu-west-1_pool");
        event.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", "client-1"));
        event.put("request", request);
        event.put("response", response);
        return event;
    }
}
