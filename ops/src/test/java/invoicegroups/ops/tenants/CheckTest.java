package invoicegroups.ops.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.ops.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code tenants check [--repair]}: each kind of inconsistency reported, repaired, and a second repair idle. */
class CheckTest extends WithStandIns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRegistryWrittenBeforeTenantRecordsIsUpgradedByRepair() {
        legacyClient("old1", "acme", "active", "2025-01-02T00:00:00Z");
        legacyClient("old2", "acme", "suspended", "2025-01-01T00:00:00Z");
        legacyClient("old3", "globex", "active", "2025-03-01T00:00:00Z");

        Outcome check = standIns.tenants("check", "--output", "json");
        Outcome repair = standIns.tenants("check", "--repair");

        JsonNode report = JSON.readTree(check.out());
        assertThat(report.path("findings")).extracting(node -> node.path("kind").asString() + " "
                + node.path("subject").asString()).contains("legacy-tenant acme", "legacy-tenant globex");
        assertThat(report.path("findings").get(0).path("repaired").asBoolean()).isFalse();
        assertThat(repair.out()).contains("acme: 2 client record(s) from before tenant records and no tenant record"
                + " (its clients get no token until it is upgraded) -> tenant record written (suspended, plan"
                + " standard, 2 client(s))");
        Map<String, AttributeValue> acme = standIns.tenantItem("acme");
        assertThat(acme.get("status").s()).isEqualTo("suspended");
        assertThat(acme.get("createdAt").s()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(acme.get("clientIds").ss()).containsExactlyInAnyOrder("old1", "old2");
        assertThat(standIns.apiGateway.plansOf(acme.get("apiKeyId").s())).containsExactly("standard");
        assertThat(standIns.item("old1")).doesNotContainKey("status");
        assertThat(standIns.tenantItem("globex").get("status").s()).isEqualTo("active");
        assertThat(standIns.tenants("check").err()).contains("all consistent");
        assertThat(standIns.tenants("show", "acme").out()).contains("client\told1\tsuspended");
    }

    @Test
    void orphansOfEveryKindAreFoundAndRemovedAndAMissingAppClientIsDropped() {
        String kept = TenantsFlowTest.clientId(standIns.tenants("add", "acme"));
        String gone = TenantsFlowTest.clientId(standIns.tenants("rotate", "acme"));
        standIns.cognito.clients.remove(gone);
        standIns.cognito.clients.put("strayclient", JSON.createObjectNode().put("ClientName", "stray"));
        ApiGatewayStandIn.Key strayKey = standIns.apiGateway.seedKey("invoice-groups/local/nobody");
        ApiGatewayStandIn.Key otherApisKey = standIns.apiGateway.seedKey("invoice-groups/another-api/acme");
        standIns.putItem(Map.of("clientId", AttributeValue.fromS("lostclient"),
                "tenantId", AttributeValue.fromS("vanished"), "createdAt", AttributeValue.fromS("2025-01-01T00:00:00Z")));
        standIns.cognito.clients.put("lostclient", JSON.createObjectNode().put("ClientName", "vanished"));

        Outcome check = standIns.tenants("check");
        Outcome repair = standIns.tenants("check", "--repair");

        assertThat(check.out()).contains("client " + gone + ": of tenant acme has no app client in the user pool",
                "app client strayclient: in the user pool without a registry record",
                "API key " + strayKey.id() + ": (invoice-groups/local/nobody) belongs to no tenant record",
                "client lostclient: names tenant vanished, which has no tenant record");
        assertThat(check.out()).doesNotContain(otherApisKey.id());
        assertThat(repair.err()).contains("4 repaired");
        assertThat(standIns.tenantItem("acme").get("clientIds").ss()).containsExactly(kept);
        assertThat(standIns.item(gone)).isEmpty();
        assertThat(standIns.item("lostclient")).isEmpty();
        assertThat(standIns.cognito.clients).containsOnlyKeys(kept);
        assertThat(standIns.apiGateway.keys).doesNotContainKey(strayKey.id()).containsKey(otherApisKey.id());
        assertThat(standIns.tenants("check").err()).contains("all consistent");
    }

    @Test
    void anApiKeyOutsideItsPlansUsagePlanIsPutBackAndAMissingKeyIsRemade() {
        standIns.tenants("add", "acme");
        standIns.tenants("add", "globex");
        String acmeKey = standIns.tenantItem("acme").get("apiKeyId").s();
        String globexKey = standIns.tenantItem("globex").get("apiKeyId").s();
        standIns.apiGateway.plans.get("up-standard").keys().remove(acmeKey);
        standIns.apiGateway.plans.get("up-premium").keys().add(acmeKey);
        standIns.apiGateway.keys.remove(globexKey);
        standIns.apiGateway.plans.values().forEach(plan -> plan.keys().remove(globexKey));

        Outcome repair = standIns.tenants("check", "--repair");

        assertThat(repair.out()).contains("acme: API key " + acmeKey + " is in usage plan(s) premium, not just"
                + " standard -> moved to usage plan standard",
                "globex: names API key " + globexKey + ", which API Gateway does not have -> API key created");
        assertThat(standIns.apiGateway.plansOf(acmeKey)).containsExactly("standard");
        String newKey = standIns.tenantItem("globex").get("apiKeyId").s();
        assertThat(newKey).isNotEqualTo(globexKey);
        assertThat(standIns.apiGateway.plansOf(newKey)).containsExactly("standard");
        assertThat(standIns.tenantItem("globex").get("apiKeyValue").s())
                .isEqualTo(standIns.apiGateway.keys.get(newKey).value());
        assertThat(standIns.tenants("check").err()).contains("all consistent");
    }

    @Test
    void aTenantWithoutClientsIsReportedNotChanged() {
        String only = TenantsFlowTest.clientId(standIns.tenants("add", "acme"));
        standIns.cognito.clients.remove(only);
        standIns.tenants("check", "--repair");
        String after = standIns.snapshot();

        Outcome again = standIns.tenants("check", "--repair");

        assertThat(again.out().strip()).isEqualTo("acme: has no client: tenants rotate acme gives it one (or tenants"
                + " remove acme)");
        assertThat(again.err()).contains("1 finding(s), 0 repaired");
        assertThat(standIns.snapshot()).isEqualTo(after);
        assertThat(standIns.tenants("rotate", "acme").status()).isZero();
    }

    private void legacyClient(String clientId, String tenantId, String status, String createdAt) {
        standIns.putItem(Map.of("clientId", AttributeValue.fromS(clientId), "tenantId", AttributeValue.fromS(tenantId),
                "status", AttributeValue.fromS(status), "createdAt", AttributeValue.fromS(createdAt)));
        standIns.cognito.clients.put(clientId, JSON.createObjectNode().put("ClientName", tenantId));
    }
}
