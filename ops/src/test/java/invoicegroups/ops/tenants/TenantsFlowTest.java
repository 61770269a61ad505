package invoicegroups.ops.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.ops.Outcome;
import invoicegroups.table.AccessTokens;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenants commands against the registry in a real DynamoDB Local, with Cognito's user-pool-client API and API
 * Gateway's API-key API stood in ({@link StandIns}: they cannot run here). The flows with tokens run against the
 * local runner, in the end-to-end module.
 */
class TenantsFlowTest extends WithStandIns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path directory;

    @Test
    void addWritesTheTenantRecordItsClientRecordAnAppClientAndAnApiKeyInThePlansUsagePlan() {
        Instant before = Instant.now();

        Outcome added = tenants("add", "acme:eu");

        assertThat(added.status()).as(added.err()).isZero();
        String[] words = added.out().strip().split(" ");
        assertThat(words).hasSize(6);
        assertThat(List.of(words[0], words[1], words[2], words[4])).containsExactly("tenant", "acme:eu", "client_id",
                "client_secret");
        String clientId = words[3];
        JsonNode request = standIns.cognito.clients.get(clientId);
        assertThat(request.path("UserPoolId").asString()).isEqualTo("us-east-1_LocalPool");
        assertThat(request.path("ClientName").asString()).isEqualTo("acme_eu");
        assertThat(request.path("GenerateSecret").asBoolean()).isTrue();
        assertThat(request.path("AllowedOAuthFlows").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(request.path("AllowedOAuthScopes").toString()).isEqualTo("[\"invoice-groups/read\"]");
        // The local runner's default lifetime, which is the stack's (minutes, Cognito's default unit).
        assertThat(request.path("AccessTokenValidity").asInt()).isEqualTo(AccessTokens.DEFAULT_VALIDITY_MINUTES);
        Map<String, AttributeValue> client = standIns.item(clientId);
        assertThat(client.get("tenantId").s()).isEqualTo("acme:eu");
        assertThat(client).doesNotContainKey("status");
        Map<String, AttributeValue> tenant = standIns.tenantItem("acme:eu");
        assertThat(tenant.get("status").s()).isEqualTo("active");
        assertThat(tenant.get("plan").s()).isEqualTo("standard");
        assertThat(tenant.get("clientIds").ss()).containsExactly(clientId);
        assertThat(tenant.get("version").n()).isEqualTo("2");
        assertThat(tenant).doesNotContainKeys("pendingOperation", "pendingId", "pendingSince");
        assertThat(Instant.parse(tenant.get("createdAt").s())).isAfterOrEqualTo(before.minusMillis(1));
        ApiGatewayStandIn.Key key = standIns.apiGateway.keys.get(tenant.get("apiKeyId").s());
        assertThat(key.name()).isEqualTo("invoice-groups/local/acme:eu");
        assertThat(key.value()).isEqualTo(tenant.get("apiKeyValue").s());
        assertThat(standIns.apiGateway.plansOf(key.id())).containsExactly("standard");
        assertThat(added.err()).contains("shown only this once");
    }

    @Test
    void addWithAPlanPutsTheKeyInThatPlansUsagePlanAndAnUnknownPlanWritesNothing() {
        Outcome premium = tenants("add", "acme", "--plan", "premium", "--output", "json");
        Outcome unknown = tenants("add", "globex", "--plan", "gold");

        JsonNode json = JSON.readTree(premium.out());
        assertThat(json.path("tenantId").asString()).isEqualTo("acme");
        assertThat(json.path("plan").asString()).isEqualTo("premium");
        assertThat(json.path("clientSecret").asString()).isNotBlank();
        String keyId = standIns.tenantItem("acme").get("apiKeyId").s();
        assertThat(standIns.apiGateway.plansOf(keyId)).containsExactly("premium");
        assertThat(unknown.status()).isEqualTo(4);
        assertThat(unknown.errorLine()).isEqualTo("error: plan gold has no usage plan on the local runner at "
                + standIns.endpoint() + " (plans there: premium, standard)");
        assertThat(standIns.tenantItem("globex")).isEmpty();
    }

    @Test
    void addWithoutAPlanTakesTheUsagePlanTaggedTheDeploymentsDefault() {
        standIns.apiGateway.defaultPlanId = "up-premium";

        Outcome added = tenants("add", "acme", "--output", "json");

        assertThat(added.status()).as(added.err()).isZero();
        assertThat(JSON.readTree(added.out()).path("plan").asString()).isEqualTo("premium");
        assertThat(added.err()).contains("(plan premium)");
        Map<String, AttributeValue> tenant = standIns.tenantItem("acme");
        assertThat(tenant.get(TenantRegistryTable.PLAN).s()).isEqualTo("premium");
        assertThat(standIns.apiGateway.plansOf(tenant.get("apiKeyId").s())).containsExactly("premium");
    }

    @Test
    void addWithoutAPlanOnADeploymentThatTagsNoneTakesStandard() {
        standIns.apiGateway.defaultPlanId = null;

        Outcome added = tenants("add", "acme", "--output", "json");

        assertThat(added.status()).as(added.err()).isZero();
        assertThat(JSON.readTree(added.out()).path("plan").asString()).isEqualTo("standard");
    }

    @Test
    void anExistingTenantIsAConflictNamingIt() {
        tenants("add", "acme");

        Outcome again = tenants("add", "acme");

        assertThat(again.status()).isEqualTo(5);
        assertThat(again.errorLine()).isEqualTo("error: tenant acme already exists (see tenants show acme; tenants"
                + " rotate acme gives it another secret)");
        assertThat(standIns.cognito.clients).hasSize(1);
        assertThat(standIns.apiGateway.keys).hasSize(1);
    }

    @Test
    void listShowsEachTenantWithStatusPlanLimitsClientsAndCreatedAt() {
        tenants("add", "globex", "--plan", "premium");
        tenants("add", "acme");
        tenants("rotate", "acme");
        tenants("suspend", "globex");

        Outcome list = tenants("list");
        Outcome json = tenants("list", "--output", "json");

        assertThat(list.status()).isZero();
        assertThat(list.outLines()).hasSize(3);
        assertThat(list.outLines().get(0)).isEqualTo(ListCommand.HEADER);
        assertThat(list.outLines().subList(1, 3)).anySatisfy(line -> assertThat(line)
                .startsWith("acme\tactive\tstandard\t10\t20\t-\t2\t20").endsWith("\t-"));
        assertThat(list.outLines().subList(1, 3)).anySatisfy(line -> assertThat(line)
                .startsWith("globex\tsuspended\tpremium\t50\t100\t1000000/MONTH\t1\t20"));
        assertThat(list.err()).contains("2 tenants");
        assertThat(json.outLines()).hasSize(2).allSatisfy(line -> assertThat(JSON.readTree(line).has("tenantId"))
                .isTrue());
        JsonNode globex = json.outLines().stream().map(JSON::readTree)
                .filter(node -> node.path("tenantId").asString().equals("globex")).findFirst().orElseThrow();
        assertThat(globex.path("limits").path("quota").asLong()).isEqualTo(1_000_000);
        assertThat(globex.path("limits").path("quotaPeriod").asString()).isEqualTo("MONTH");
        assertThat(json.out()).doesNotContain("apiKeyValue");
    }

    @Test
    void showListsTheClientsWithTheirStatusAndThePlansLimits() {
        String first = clientId(tenants("add", "acme"));
        String second = clientId(tenants("rotate", "acme"));
        tenants("suspend", "acme");

        Outcome show = tenants("show", "acme");
        Outcome json = tenants("show", "acme", "--output", "json");

        assertThat(show.status()).as(show.err()).isZero();
        assertThat(show.outLines()).contains("tenant\tacme", "status\tsuspended",
                "plan\tstandard (10/s, burst 20, no quota)", "clients\t2");
        assertThat(show.outLines()).anySatisfy(line -> assertThat(line).startsWith("client\t" + first
                + "\tsuspended\t20"));
        assertThat(show.outLines()).anySatisfy(line -> assertThat(line).startsWith("client\t" + second
                + "\tsuspended\t20"));
        assertThat(show.out()).doesNotContain(standIns.tenantItem("acme").get("apiKeyValue").s());
        JsonNode node = JSON.readTree(json.out());
        assertThat(node.path("clients")).hasSize(2);
        assertThat(node.path("limits").path("rateLimit").asDouble()).isEqualTo(10.0);
        assertThat(node.path("apiKeyId").asString()).isEqualTo(standIns.tenantItem("acme").get("apiKeyId").s());
    }

    @Test
    void suspendAndResumeChangeTheTenantRecordOnly() {
        String first = clientId(tenants("add", "acme"));
        clientId(tenants("rotate", "acme"));

        Outcome suspended = tenants("suspend", "acme");

        assertThat(suspended.out()).isEqualTo("tenant acme suspended (2 clients)" + System.lineSeparator());
        assertThat(standIns.tenantItem("acme").get("status").s()).isEqualTo("suspended");
        assertThat(standIns.item(first)).doesNotContainKey("status");
        assertThat(tenants("resume", "acme").status()).isZero();
        assertThat(standIns.tenantItem("acme").get("status").s()).isEqualTo("active");
    }

    @Test
    void anUnknownTenantIsNotFound() {
        for (List<String> command : List.of(List.of("suspend", "nobody"), List.of("resume", "nobody"),
                List.of("rotate", "nobody"), List.of("remove", "nobody"), List.of("show", "nobody"),
                List.of("plan", "nobody", "premium"))) {
            Outcome outcome = tenants(command.toArray(String[]::new));

            assertThat(outcome.status()).as(command.toString()).isEqualTo(4);
            assertThat(outcome.errorLine()).isEqualTo("error: tenant nobody not found (see tenants list)");
        }
    }

    @Test
    void rotateAddsAClientAndKeepsTheOthersUntilRemoveClient() {
        String first = clientId(tenants("add", "acme"));

        Outcome rotated = tenants("rotate", "acme", "--output", "json");
        JsonNode json = JSON.readTree(rotated.out());
        String second = json.path("clientId").asString();

        assertThat(second).isNotEqualTo(first);
        assertThat(json.path("previousClientIds").toString()).isEqualTo("[\"" + first + "\"]");
        assertThat(standIns.tenantItem("acme").get("clientIds").ss()).containsExactlyInAnyOrder(first, second);
        assertThat(rotated.err()).contains(first + " keep working until: tenants remove-client CLIENT_ID");
        Outcome removed = tenants("remove-client", first);
        assertThat(removed.out()).isEqualTo("client " + first + " of tenant acme removed" + System.lineSeparator());
        assertThat(standIns.cognito.clients).containsOnlyKeys(second);
        assertThat(standIns.item(first)).isEmpty();
        assertThat(standIns.tenantItem("acme").get("clientIds").ss()).containsExactly(second);
    }

    @Test
    void aTenantHasAtMostTenClients() {
        tenants("add", "acme");
        for (int i = 1; i < TenantRegistryTable.MAX_CLIENTS_PER_TENANT; i++) {
            clientId(tenants("rotate", "acme"));
        }

        Outcome refused = tenants("rotate", "acme");

        assertThat(refused.status()).isEqualTo(5);
        assertThat(refused.errorLine()).isEqualTo("error: tenant acme has 10 clients, the most a tenant may have:"
                + " remove one first (tenants remove-client CLIENT_ID)");
        assertThat(standIns.cognito.clients).hasSize(10);
    }

    @Test
    void theLastClientOfATenantIsRemovedOnlyWithTheTenant() {
        String only = clientId(tenants("add", "acme"));

        Outcome refused = tenants("remove-client", only);

        assertThat(refused.status()).isEqualTo(5);
        assertThat(refused.errorLine()).isEqualTo("error: client " + only + " is tenant acme's last client: use"
                + " tenants remove acme to remove the tenant");
        assertThat(standIns.cognito.clients).containsKey(only);
    }

    @Test
    void anUnknownClientIsNotFoundAndAnOrphanAppClientIsNamed() {
        Outcome outcome = tenants("remove-client", "nosuchclient");
        standIns.cognito.clients.put("orphan1", JSON.createObjectNode());
        Outcome orphan = tenants("remove-client", "orphan1");

        assertThat(outcome.status()).isEqualTo(4);
        assertThat(outcome.errorLine()).isEqualTo("error: client nosuchclient is not in the tenant registry");
        assertThat(orphan.errorLine()).isEqualTo("error: client orphan1 is not in the tenant registry; the user pool"
                + " has an app client orphan1 without a registry record (it gets no token): tenants check --repair"
                + " deletes it");
    }

    @Test
    void planMovesTheApiKeyToTheNewUsagePlanThenTheRecord() {
        tenants("add", "acme");
        String keyId = standIns.tenantItem("acme").get("apiKeyId").s();

        Outcome moved = tenants("plan", "acme", "premium");
        Outcome again = tenants("plan", "acme", "premium");
        Outcome unknown = tenants("plan", "acme", "gold");

        assertThat(moved.out()).isEqualTo("tenant acme now on plan premium" + System.lineSeparator());
        assertThat(standIns.apiGateway.plansOf(keyId)).containsExactly("premium");
        assertThat(standIns.tenantItem("acme").get("plan").s()).isEqualTo("premium");
        assertThat(again.out()).contains("is on plan premium already");
        assertThat(unknown.status()).isEqualTo(4);
        assertThat(standIns.tenantItem("acme").get("plan").s()).isEqualTo("premium");
    }

    @Test
    void removeDeletesTheRecordsTheAppClientsAndTheApiKey() {
        tenants("add", "acme");
        tenants("rotate", "acme");
        String other = clientId(tenants("add", "globex"));
        String otherKey = standIns.tenantItem("globex").get("apiKeyId").s();

        Outcome removed = tenants("remove", "acme");

        assertThat(removed.out()).isEqualTo("tenant acme removed (2 clients)" + System.lineSeparator());
        assertThat(removed.err()).contains("its invoice groups stay");
        assertThat(standIns.cognito.clients).containsOnlyKeys(other);
        assertThat(standIns.apiGateway.keys).containsOnlyKeys(otherKey);
        assertThat(standIns.allItems()).extracting(item -> item.get("tenantId").s()).containsOnly("globex");
        assertThat(tenants("add", "acme").status()).as("a removed tenant can be added again").isZero();
    }

    @Test
    void aFailureHalfWayUndoesWhatTheAddMade() {
        standIns.cognito.fail("CreateUserPoolClient", 1, 400, "AccessDeniedException");

        Outcome outcome = tenants("add", "acme");

        assertThat(outcome.status()).isEqualTo(6);
        assertThat(outcome.errorLine()).isEqualTo("error: not allowed to call cognito-idp:CreateUserPoolClient on"
                + " user pool us-east-1_LocalPool (attach the stack's TenantOperatorPolicy); nothing was added");
        assertThat(standIns.apiGateway.keys).isEmpty();
        assertThat(standIns.cognito.clients).isEmpty();
        assertThat(standIns.allItems()).isEmpty();
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void anUndoThatFailsSaysWhatItLeftAndThatCheckRepairCleansIt() {
        standIns.cognito.fail("CreateUserPoolClient", 1, 400, "AccessDeniedException");
        standIns.cognito.fail("DeleteApiKey", 1, 403, "AccessDeniedException");

        Outcome outcome = tenants("add", "acme");
        String keyId = standIns.apiGateway.keys.keySet().iterator().next();

        assertThat(outcome.status()).isEqualTo(6);
        assertThat(outcome.errorLine()).endsWith("; left: API key " + keyId + "; tenants check --repair cleans it");
        Outcome check = tenants("check");
        assertThat(check.out()).contains("API key " + keyId + ": (invoice-groups/local/acme) belongs to no tenant"
                + " record");
        assertThat(tenants("check", "--repair").status()).isZero();
        assertThat(standIns.apiGateway.keys).isEmpty();
    }

    @Test
    void bulkAddCreatesEveryNewTenantReportsExistingOnesAndSummarises() throws IOException {
        tenants("add", "initech");
        Path file = Files.writeString(directory.resolve("tenants.txt"), """
                # onboarding batch
                acme

                  globex\s
                initech
                """);

        Outcome bulk = tenants("add", "--file", file.toString());

        assertThat(bulk.status()).as(bulk.err()).isZero();
        assertThat(bulk.outLines()).hasSize(2);
        assertThat(bulk.outLines().get(0)).startsWith("tenant acme client_id ");
        assertThat(bulk.outLines().get(1)).startsWith("tenant globex client_id ");
        assertThat(bulk.err()).contains("tenant initech already exists: skipped")
                .contains("added 2 tenants, 1 already existed (skipped)");
        assertThat(standIns.cognito.clients).hasSize(3);
        assertThat(standIns.apiGateway.keys).hasSize(3);
    }

    @Test
    void bulkAddChecksTheWholeFileFirst() throws IOException {
        Path file = Files.writeString(directory.resolve("tenants.txt"), "acme\nglobex\nbad id\n");

        Outcome bulk = tenants("add", "--file", file.toString());

        assertThat(bulk.status()).isEqualTo(3);
        assertThat(bulk.errorLine()).isEqualTo("error: " + file + " line 3: not a tenant id (1 to 128 letters,"
                + " digits, '.', '_', ':' or '-')");
        assertThat(standIns.cognito.operations).isEmpty();
    }

    @Test
    void bulkAddReportsProgressEveryHundredTenants() throws IOException {
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= 101; i++) {
            ids.append("t").append(i).append('\n');
        }
        Path file = Files.writeString(directory.resolve("tenants.txt"), ids);

        Outcome bulk = tenants("add", "--file", file.toString(), "--output", "json");

        assertThat(bulk.status()).isZero();
        assertThat(bulk.err()).contains("100 of 101 tenants done").contains("added 101 tenants, 0 already existed");
        assertThat(bulk.outLines()).hasSize(101).allSatisfy(line -> assertThat(JSON.readTree(line)
                .path("clientSecret").asString()).isNotBlank());
    }

    private Outcome tenants(String... args) {
        return standIns.tenants(args);
    }

    static String clientId(Outcome outcome) {
        assertThat(outcome.status()).as(outcome.err()).isZero();
        return outcome.out().strip().split(" ")[3];
    }
}
