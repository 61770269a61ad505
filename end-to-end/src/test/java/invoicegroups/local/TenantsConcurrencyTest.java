package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.cognito.LocalUserPool;
import invoicegroups.ops.Parallel;
import invoicegroups.ops.tenants.Registry;
import invoicegroups.ops.tenants.aws.ClientNames;
import invoicegroups.table.LocalRunner;
import invoicegroups.table.TenantRegistryTable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 16's concurrency tests against the running runner, each command a whole {@code ops} run over the runner's
 * Cognito, DynamoDB and API Gateway APIs: ten parallel {@code tenants add} of one id make exactly one tenant with one
 * client (the others exit 5); random interleavings of add, rotate, suspend, resume, remove and remove-client from
 * several threads keep the invariants of ops' own {@code ConcurrencyTest} ({@link Registry}), here seen through the
 * runner's APIs and checked at its token endpoint with the secrets the commands printed; and {@code tenants check}
 * finds what a crash leaves, {@code --repair} fixes it, a second repair changes nothing.
 */
class TenantsConcurrencyTest {

    private static RunningLocalApi local;
    private static URI endpoint;
    private static DynamoDbClient dynamoDb;
    private static CognitoIdentityProviderClient cognito;
    private static ApiGatewayClient apiGateway;
    private static final AtomicInteger TENANTS = new AtomicInteger();
    /** Every secret a command printed, by client id. */
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    enum Command { ADD, ROTATE, SUSPEND, RESUME, REMOVE, REMOVE_CLIENT }

    @BeforeContainer
    static void start() {
        local = RunningLocalApi.start(Options.defaults().withPort(0).withRevocationSeconds(0));
        endpoint = local.api.baseUri();
        dynamoDb = local.dynamoDbClient();
        cognito = local.cognitoClient();
        apiGateway = local.apiGatewayClient();
    }

    @AfterContainer
    static void stop() {
        dynamoDb.close();
        cognito.close();
        apiGateway.close();
        local.close();
    }

    @Example
    void tenParallelAddsOfOneTenantMakeExactlyOneTenantWithOneClient() throws Exception {
        List<OperatorCommand> outcomes = Parallel.together(10, i -> OperatorCommand.tenants(endpoint, "add", "same"));

        assertThat(outcomes).filteredOn(outcome -> outcome.status() == 0).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome.status() != 0).hasSize(9).allSatisfy(outcome -> {
            assertThat(outcome.status()).as(outcome.err()).isEqualTo(5);
            assertThat(outcome.err().lines()).hasSize(1);
            assertThat(outcome.out()).isEmpty();
        });
        Registry state = state("same");
        assertThat(state.clientIds()).hasSize(1);
        assertThat(state.appClients()).isEqualTo(state.clientIds());
        assertThat(state.clientRecordIds()).isEqualTo(state.clientIds());
        assertThat(state.apiKeys()).containsExactly(state.tenant().get(TenantRegistryTable.API_KEY_ID).s());
        assertThat(usagePlansOf(state.tenant().get(TenantRegistryTable.API_KEY_ID).s())).containsExactly("standard");
        OperatorCommand.Credentials winner = outcomes.stream().filter(outcome -> outcome.status() == 0).findFirst()
                .orElseThrow().credentials();
        assertThat(local.get("/invoice_groups", TenantLifecycleTest.token(local, winner)).statusCode()).isEqualTo(200);
        assertThat(OperatorCommand.tenants(endpoint, "check").err()).contains("all consistent");
    }

    @Property(tries = 8)
    void anyInterleavingOfCommandsOnOneTenantKeepsTheInvariants(@ForAll("schedules") List<List<Command>> threads)
            throws Exception {
        String tenant = "mixed-" + TENANTS.incrementAndGet();
        remember(OperatorCommand.tenants(endpoint, "add", tenant));
        Queue<String> failures = new ConcurrentLinkedQueue<>();

        Parallel.together(threads.size(), i -> {
            for (Command command : threads.get(i)) {
                OperatorCommand outcome = run(command, tenant);
                remember(outcome);
                if (!List.of(0, 4, 5).contains(outcome.status()) || outcome.err().lines()
                        .filter(line -> line.startsWith("error: ")).count() > 1) {
                    failures.add(command + " exit " + outcome.status() + ": " + outcome.err());
                }
            }
            return null;
        });

        assertThat(failures).isEmpty();
        Registry state = state(tenant);
        if (state.removed()) {
            assertThat(state.appClients()).as("a removed tenant's app clients").isEmpty();
            assertThat(state.clientRecords()).as("a removed tenant's client records").isEmpty();
            assertThat(state.apiKeys()).as("a removed tenant's API keys").isEmpty();
        } else {
            assertThat(state.tenant()).doesNotContainKey(TenantRegistryTable.PENDING_ID);
            assertThat(state.clientRecordIds()).isEqualTo(state.clientIds());
            assertThat(state.appClients()).as("every client record has its app client, no orphans")
                    .isEqualTo(state.clientIds());
            String keyId = state.tenant().get(TenantRegistryTable.API_KEY_ID).s();
            assertThat(state.apiKeys()).containsExactly(keyId);
            assertThat(usagePlansOf(keyId)).containsExactly("standard");
        }
        for (String clientId : state.appClients()) {
            boolean getsToken = local.requestToken(RunningLocalApi.basic(clientId, SECRETS.get(clientId)),
                    "grant_type=client_credentials").statusCode() == 200;
            assertThat(getsToken).as("client " + clientId + " of a tenant " + (state.removed() ? "removed"
                    : state.status())).isEqualTo(state.getsToken(clientId));
        }
        assertThat(OperatorCommand.tenants(endpoint, "check").err()).as("nothing for tenants check to find")
                .contains("all consistent");
    }

    @Example
    void checkFindsWhatACrashLeavesRepairFixesItAndASecondRepairChangesNothing() {
        String kept = OperatorCommand.tenants(endpoint, "add", "crashed").credentials().clientId();
        String gone = OperatorCommand.tenants(endpoint, "rotate", "crashed").credentials().clientId();
        // What a killed command can leave: an app client without a record, an API key no tenant names, a client
        // record whose app client is gone.
        String stray = cognito.createUserPoolClient(create -> create.userPoolId(LocalRunner.USER_POOL_ID)
                .clientName(ClientNames.forTenant("crashed")).generateSecret(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthScopes("invoice-groups/read")).userPoolClient().clientId();
        String strayKey = apiGateway.createApiKey(create -> create.name("invoice-groups/local/nobody").enabled(true))
                .id();
        cognito.deleteUserPoolClient(delete -> delete.userPoolId(LocalRunner.USER_POOL_ID)
                .clientId(gone));

        OperatorCommand check = OperatorCommand.tenants(endpoint, "check");
        OperatorCommand repair = OperatorCommand.tenants(endpoint, "check", "--repair");
        OperatorCommand again = OperatorCommand.tenants(endpoint, "check", "--repair");

        assertThat(check.status()).as(check.err()).isZero();
        assertThat(check.out()).contains("app client " + stray + ": in the user pool without a registry record",
                "API key " + strayKey + ": (invoice-groups/local/nobody) belongs to no tenant record",
                "client " + gone + ": of tenant crashed has no app client in the user pool");
        assertThat(repair.err()).contains("3 repaired");
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).contains("all consistent");
        Registry state = state("crashed");
        assertThat(state.clientIds()).containsExactly(kept);
        assertThat(state.appClients()).containsExactly(kept);
    }

    @Provide
    Arbitrary<List<List<Command>>> schedules() {
        Arbitrary<List<Command>> thread = Arbitraries.of(Command.class).list().ofMinSize(1).ofMaxSize(3);
        return thread.list().ofMinSize(2).ofMaxSize(3);
    }

    private static OperatorCommand run(Command command, String tenant) {
        return switch (command) {
            case ADD -> OperatorCommand.tenants(endpoint, "add", tenant);
            case ROTATE -> OperatorCommand.tenants(endpoint, "rotate", tenant);
            case SUSPEND -> OperatorCommand.tenants(endpoint, "suspend", tenant);
            case RESUME -> OperatorCommand.tenants(endpoint, "resume", tenant);
            case REMOVE -> OperatorCommand.tenants(endpoint, "remove", tenant);
            case REMOVE_CLIENT -> {
                Set<String> clients = state(tenant).clientIds();
                yield OperatorCommand.tenants(endpoint, "remove-client",
                        clients.isEmpty() ? "noclient" : clients.iterator().next());
            }
        };
    }

    /** Keeps the secret of a client an add or rotate printed. */
    private static void remember(OperatorCommand outcome) {
        if (outcome.status() == 0 && outcome.out().startsWith("tenant ") && outcome.out().contains(" client_secret ")) {
            OperatorCommand.Credentials credentials = OperatorCommand.credentials(outcome.out());
            SECRETS.put(credentials.clientId(), credentials.clientSecret());
        }
    }

    /** The tenant as the runner holds it: its records (consistent reads), its app clients, its API keys. */
    private static Registry state(String tenantId) {
        Map<String, AttributeValue> tenant = dynamoDb.getItem(get -> get.tableName(TenantRegistryTable.DEFAULT_NAME)
                .key(Map.of(TenantRegistryTable.PARTITION_KEY,
                        AttributeValue.fromS(TenantRegistryTable.tenantRecordKey(tenantId)))).consistentRead(true))
                .item();
        List<Map<String, AttributeValue>> clients = dynamoDb.scanPaginator(scan -> scan
                .tableName(TenantRegistryTable.DEFAULT_NAME).consistentRead(true)).items().stream()
                .filter(item -> !TenantRegistryTable.isTenantRecordKey(item.get(TenantRegistryTable.PARTITION_KEY).s()))
                .filter(item -> item.containsKey(TenantRegistryTable.TENANT_ID)
                        && tenantId.equals(item.get(TenantRegistryTable.TENANT_ID).s()))
                .toList();
        Set<String> appClients = new TreeSet<>();
        cognito.listUserPoolClientsPaginator(list -> list.userPoolId(LocalRunner.USER_POOL_ID)
                .maxResults(60)).userPoolClients().forEach(client -> {
                    if (ClientNames.forTenant(tenantId).equals(client.clientName())) {
                        appClients.add(client.clientId());
                    }
                });
        Set<String> keys = new TreeSet<>();
        apiGateway.getApiKeysPaginator(list -> list.nameQuery("invoice-groups/local/" + tenantId).limit(500)).items()
                .forEach(key -> {
                    if (key.name().equals("invoice-groups/local/" + tenantId)) {
                        keys.add(key.id());
                    }
                });
        return new Registry(tenant == null || tenant.isEmpty() ? null : tenant, clients, appClients, keys);
    }

    private static List<String> usagePlansOf(String keyId) {
        return apiGateway.getUsagePlans(list -> list.keyId(keyId)).items().stream().map(UsagePlan::name).toList();
    }
}
