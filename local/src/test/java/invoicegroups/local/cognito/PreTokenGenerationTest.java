package invoicegroups.local.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.table.LocalRunner;
import invoicegroups.table.ResourceServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The V3_0 event the token endpoint sends the trigger, and how the trigger's answer shapes the token. */
class PreTokenGenerationTest {

    @Test
    void theEventIsAV3ClientCredentialsEventForTheClientAndItsScopes() {
        Map<String, Object> event = PreTokenGeneration.event("acme-demo", List.of(ResourceServer.READ_SCOPE));

        assertThat(event).containsEntry("version", "3")
                .containsEntry("triggerSource", "TokenGeneration_ClientCredentials")
                .containsEntry("userPoolId", LocalRunner.USER_POOL_ID)
                .containsEntry("region", LocalRunner.REGION)
                .containsEntry("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", "acme-demo"));
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) event.get("request");
        assertThat(request).containsEntry("scopes", List.of(ResourceServer.READ_SCOPE))
                .containsEntry("clientMetadata", Map.of());
    }

    @Test
    void addedClaimsAndScopeChangesApplyButReservedClaimsCannotBeOverridden() {
        PreTokenGeneration step = new PreTokenGeneration(event -> {
            event.put("response", Map.of("claimsAndScopeOverrideDetails", Map.of("accessTokenGeneration", Map.of(
                    "claimsToAddOrOverride", Map.of("tenant_id", "acme", "client_id", "someone-else", "iss", "x"),
                    "scopesToAdd", List.of("extra/scope"),
                    "scopesToSuppress", List.of(LocalUserPool.UNRELATED_SCOPE)))));
            return event;
        });

        PreTokenGeneration.Result result =
                step.run("acme-demo", List.of(ResourceServer.READ_SCOPE, LocalUserPool.UNRELATED_SCOPE));

        assertThat(result.claims()).containsExactly(Map.entry("tenant_id", "acme"));
        assertThat(result.scopes()).containsExactly(ResourceServer.READ_SCOPE, "extra/scope");
    }

    @Test
    void aTriggerThatThrowsMeansNoToken() {
        PreTokenGeneration step = new PreTokenGeneration(event -> {
            throw new IllegalStateException("app client x is suspended");
        });

        assertThatThrownBy(() -> step.run("x", List.of(ResourceServer.READ_SCOPE)))
                .isInstanceOf(PreTokenGeneration.TriggerFailed.class).hasMessage("app client x is suspended");
    }
}
