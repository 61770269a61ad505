package invoicegroups.ops.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.dynamodblocal.EmbeddedDynamoDb;
import invoicegroups.ops.Outcome;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * The tenants command against the registry in a real DynamoDB Local, with Cognito's user-pool-client API stood in
 * by {@link CognitoStandIn} (Cognito cannot run here). The flows with tokens run against the local runner, in the
 * local module's tests.
 */
class TenantsFlowTest {

    private static EmbeddedDynamoDb dynamoDbLocal;
    private static DynamoDbClient dynamoDb;
    private CognitoStandIn cognito;

    @TempDir
    Path directory;

    @BeforeAll
    static void startDynamoDbLocal() {
        dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
        dynamoDb = dynamoDbLocal.newClient();
    }

    @AfterAll
    static void stopDynamoDbLocal() {
        dynamoDb.close();
        dynamoDbLocal.close();
    }

    @BeforeEach
    void emptyRegistryAndCognito() throws IOException {
        if (dynamoDb.listTables().tableNames().contains(TenantRegistryTable.DEFAULT_NAME)) {
            dynamoDb.deleteTable(request -> request.tableName(TenantRegistryTable.DEFAULT_NAME));
        }
        EmbeddedDynamoDb.createTenantRegistryTable(dynamoDb, TenantRegistryTable.DEFAULT_NAME);
        cognito = CognitoStandIn.start(dynamoDbLocal.endpoint());
    }

    @AfterEach
    void stopCognito() {
        cognito.close();
    }

    @Test
    void addCreatesAClientCredentialsClientWithTheReadScopeAndRegistersItActive() {
        Instant before = Instant.now();

        Outcome added = tenants("add", "acme:eu");

        assertThat(added.status()).as(added.err()).isZero();
        String[] words = added.out().strip().split(" ");
        assertThat(words).hasSize(6);
        assertThat(List.of(words[0], words[1], words[2], words[4])).containsExactly("tenant", "acme:eu", "client_id",
                "client_secret");
        String clientId = words[3];
        JsonNode request = cognito.clients.get(clientId);
        assertThat(request.path("UserPoolId").asString()).isEqualTo("us-east-1_LocalPool");
        assertThat(request.path("ClientName").asString()).isEqualTo("acme_eu");
        assertThat(request.path("GenerateSecret").asBoolean()).isTrue();
        assertThat(request.path("AllowedOAuthFlowsUserPoolClient").asBoolean()).isTrue();
        assertThat(request.path("AllowedOAuthFlows").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(request.path("AllowedOAuthScopes").toString()).isEqualTo("[\"invoice-groups/read\"]");
        assertThat(request.path("AccessTokenValidity").asInt()).isEqualTo(60);
        assertThat(request.path("TokenValidityUnits").path("AccessToken").asString()).isEqualTo("minutes");
        Map<String, AttributeValue> item = registryItem(clientId);
        assertThat(item.get("tenantId").s()).isEqualTo("acme:eu");
        assertThat(item.get("status").s()).isEqualTo("active");
        assertThat(Instant.parse(item.get("createdAt").s())).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(added.err()).contains("shown only this once");
    }

    @Test
    void anExistingTenantIsAConflictNamingIt() {
        tenants("add", "acme");

        Outcome again = tenants("add", "acme");

        assertThat(again.status()).isEqualTo(5);
        assertThat(again.err()).isEqualTo("error: tenant acme already exists (see tenants list; tenants rotate acme"
                + " gives it another secret)" + System.lineSeparator());
        assertThat(cognito.clients).hasSize(1);
    }

    @Test
    void listShowsEachTenantWithStatusClientCountAndCreatedAt() {
        tenants("add", "globex");
        tenants("add", "acme");
        tenants("rotate", "acme");
        tenants("suspend", "globex");

        Outcome list = tenants("list");

        assertThat(list.status()).isZero();
        assertThat(list.outLines()).hasSize(3);
        assertThat(list.outLines().get(0)).isEqualTo("tenant\tstatus\tclients\tcreated_at");
        assertThat(list.outLines().get(1)).startsWith("acme\tactive\t2\t20");
        assertThat(list.outLines().get(2)).startsWith("globex\tsuspended\t1\t20");
        assertThat(list.err()).contains("2 tenants");
    }

    @Test
    void suspendAndResumeSetEveryClientOfTheTenant() {
        String first = clientId(tenants("add", "acme"));
        String second = clientId(tenants("rotate", "acme"));

        Outcome suspended = tenants("suspend", "acme");

        assertThat(suspended.out()).isEqualTo("tenant acme suspended (2 clients)" + System.lineSeparator());
        assertThat(List.of(status(first), status(second))).containsOnly("suspended");
        assertThat(tenants("resume", "acme").status()).isZero();
        assertThat(List.of(status(first), status(second))).containsOnly("active");
    }

    @Test
    void anUnknownTenantIsNotFound() {
        for (String sub : List.of("suspend", "resume", "rotate", "remove")) {
            Outcome outcome = tenants(sub, "nobody");

            assertThat(outcome.status()).as(sub).isEqualTo(4);
            assertThat(outcome.err()).isEqualTo("error: tenant nobody not found (see tenants list)"
                    + System.lineSeparator());
        }
    }

    @Test
    void rotateAddsASecondClientAndKeepsTheFirstUntilRemoveClient() {
        String first = clientId(tenants("add", "acme"));

        Outcome rotated = tenants("rotate", "acme");
        String second = clientId(rotated);

        assertThat(second).isNotEqualTo(first);
        assertThat(cognito.clients).containsKeys(first, second);
        assertThat(rotated.err()).contains(first + " keep working until: tenants remove-client CLIENT_ID");
        Outcome removed = tenants("remove-client", first);
        assertThat(removed.out()).isEqualTo("client " + first + " of tenant acme removed" + System.lineSeparator());
        assertThat(cognito.clients).containsOnlyKeys(second);
        assertThat(registryItem(first)).isEmpty();
        assertThat(status(second)).isEqualTo("active");
    }

    @Test
    void rotatingASuspendedTenantGivesASuspendedClient() {
        tenants("add", "acme");
        tenants("suspend", "acme");

        String rotated = clientId(tenants("rotate", "acme"));

        assertThat(status(rotated)).isEqualTo("suspended");
    }

    @Test
    void theLastClientOfATenantIsRemovedOnlyWithTheTenant() {
        String only = clientId(tenants("add", "acme"));

        Outcome refused = tenants("remove-client", only);

        assertThat(refused.status()).isEqualTo(5);
        assertThat(refused.err()).isEqualTo("error: client " + only + " is tenant acme's last client: use tenants"
                + " remove acme to remove the tenant" + System.lineSeparator());
        assertThat(cognito.clients).containsKey(only);
    }

    @Test
    void anUnknownClientIsNotFound() {
        Outcome outcome = tenants("remove-client", "nosuchclient");

        assertThat(outcome.status()).isEqualTo(4);
        assertThat(outcome.errorLine()).isEqualTo("error: client nosuchclient is not in the tenant registry");
    }

    @Test
    void removeDeletesEveryClientAndRegistryEntryAndSaysTheInvoiceGroupsStay() {
        tenants("add", "acme");
        tenants("rotate", "acme");
        String other = clientId(tenants("add", "globex"));

        Outcome removed = tenants("remove", "acme");

        assertThat(removed.out()).isEqualTo("tenant acme removed (2 clients)" + System.lineSeparator());
        assertThat(removed.err()).contains("its invoice groups stay");
        assertThat(cognito.clients).containsOnlyKeys(other);
        assertThat(dynamoDb.scan(request -> request.tableName(TenantRegistryTable.DEFAULT_NAME)).items())
                .extracting(item -> item.get("tenantId").s()).containsExactly("globex");
        assertThat(tenants("add", "acme").status()).as("a removed tenant can be added again").isZero();
    }

    @Test
    void aRegistryWriteThatFailsDeletesTheNewClientAgain() {
        cognito.fail("PutItem", 1, 400, "AccessDeniedException");

        Outcome outcome = tenants("add", "acme");

        assertThat(outcome.status()).isEqualTo(6);
        assertThat(outcome.err()).isEqualTo("error: not allowed to call dynamodb:PutItem on table tenant-registry"
                + " (attach the stack's TenantOperatorPolicy)" + System.lineSeparator());
        assertThat(cognito.count("CreateUserPoolClient")).isEqualTo(1);
        assertThat(cognito.count("DeleteUserPoolClient")).isEqualTo(1);
        assertThat(cognito.clients).isEmpty();
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void aCognitoDenialNamesTheActionAndThePolicy() {
        cognito.fail("CreateUserPoolClient", 1, 400, "AccessDeniedException");

        Outcome outcome = tenants("add", "acme");

        assertThat(outcome.status()).isEqualTo(6);
        assertThat(outcome.errorLine()).isEqualTo("error: not allowed to call cognito-idp:CreateUserPoolClient on"
                + " user pool us-east-1_LocalPool (attach the stack's TenantOperatorPolicy)");
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
        assertThat(cognito.clients).hasSize(3);
    }

    @Test
    void bulkAddChecksTheWholeFileFirst() throws IOException {
        Path file = Files.writeString(directory.resolve("tenants.txt"), "acme\nglobex\nbad id\n");

        Outcome bulk = tenants("add", "--file", file.toString());

        assertThat(bulk.status()).isEqualTo(3);
        assertThat(bulk.errorLine()).isEqualTo("error: " + file + " line 3: not a tenant id (1 to 128 letters,"
                + " digits, '.', '_', ':' or '-')");
        assertThat(cognito.operations).isEmpty();
    }

    @Test
    void bulkAddReportsProgressEveryHundredTenants() throws IOException {
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= 101; i++) {
            ids.append("t").append(i).append('\n');
        }
        Path file = Files.writeString(directory.resolve("tenants.txt"), ids);

        Outcome bulk = tenants("add", "--file", file.toString());

        assertThat(bulk.status()).isZero();
        assertThat(bulk.err()).contains("100 of 101 tenants done").contains("added 101 tenants, 0 already existed");
        assertThat(bulk.outLines()).hasSize(101);
    }

    private Outcome tenants(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "tenants";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--endpoint";
        full[args.length + 2] = cognito.endpoint().toString();
        return Outcome.of(full);
    }

    private static String clientId(Outcome outcome) {
        assertThat(outcome.status()).as(outcome.err()).isZero();
        return outcome.out().strip().split(" ")[3];
    }

    private static Map<String, AttributeValue> registryItem(String clientId) {
        return dynamoDb.getItem(request -> request.tableName(TenantRegistryTable.DEFAULT_NAME)
                .key(Map.of("clientId", AttributeValue.fromS(clientId)))).item();
    }

    private static String status(String clientId) {
        return registryItem(clientId).get("status").s();
    }
}
