package invoicegroups.tokencustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import invoicegroups.dynamodblocal.EmbeddedDynamoDb;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The tenant comes from the registry entry of the app client Cognito names, and from nothing the caller sends. */
class TenantClaimTriggerTest {

    private static final String REGISTRY = "tenant-registry-trigger-test";

    private static EmbeddedDynamoDb dynamoDbLocal;
    private static DynamoDbClient dynamoDb;
    private static TenantClaimTrigger trigger;

    @BeforeAll
    static void startRegistry() {
        dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
        dynamoDb = dynamoDbLocal.newClient();
        EmbeddedDynamoDb.createTenantRegistryTable(dynamoDb, REGISTRY);
        trigger = new TenantClaimTrigger(dynamoDb, REGISTRY, "tenant_id");
    }

    @AfterAll
    static void stopRegistry() {
        dynamoDb.close();
        dynamoDbLocal.close();
    }

    @Test
    void anActiveClientsAccessTokenCarriesItsRegisteredTenant() {
        register("client-acme", "acme", TenantRegistryTable.ACTIVE);

        Map<String, Object> answered = trigger.handleRequest(clientCredentialsEvent("client-acme"));

        assertThat(answered).containsEntry("version", "3").containsEntry("userPoolId", "eu-west-1_pool");
        assertThat(answered.get("response")).isEqualTo(Map.of("claimsAndScopeOverrideDetails",
                Map.of("accessTokenGeneration", Map.of("claimsToAddOrOverride", Map.of("tenant_id", "acme")))));
    }

    @Test
    void aSuspendedClientGetsNoToken() {
        register("client-suspended", "initech", TenantRegistryTable.SUSPENDED);

        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent("client-suspended")))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessage("app client client-suspended is suspended");
    }

    @Test
    void anUnknownClientGetsNoToken() {
        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent("client-nobody")))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessage("app client client-nobody is not registered to a tenant");
    }

    @Test
    void suspendingTakesEffectOnTheNextTokenRequest() {
        register("client-umbrella", "umbrella", TenantRegistryTable.ACTIVE);
        assertThat(tenantIn(trigger.handleRequest(clientCredentialsEvent("client-umbrella")))).isEqualTo("umbrella");

        register("client-umbrella", "umbrella", TenantRegistryTable.SUSPENDED);

        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent("client-umbrella")))
                .isInstanceOf(TokenRefusedException.class);
    }

    /** Items the registry table accepts (an empty or non-string tenantId it refuses itself: the index key). */
    static List<Arguments> malformedItems() {
        return List.of(
                Arguments.of("no tenantId", Map.of("status", s("active")), "tenant id"),
                Arguments.of("a tenantId breaking the rule", Map.of("tenantId", s("acme/../globex"), "status", s("active")), "tenant id"),
                Arguments.of("an overlong tenantId", Map.of("tenantId", s("a".repeat(129)), "status", s("active")), "tenant id"),
                Arguments.of("no status", Map.of("tenantId", s("acme")), "valid status"),
                Arguments.of("an unknown status", Map.of("tenantId", s("acme"), "status", s("ACTIVE")), "valid status"),
                Arguments.of("a status of another type", Map.of("tenantId", s("acme"), "status", AttributeValue.fromBool(true)), "valid status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedItems")
    void aMalformedRegistryEntryGetsNoToken(String what, Map<String, AttributeValue> attributes, String why) {
        String clientId = "client-malformed-" + Math.abs(what.hashCode());
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.put(TenantRegistryTable.PARTITION_KEY, s(clientId));
        dynamoDb.putItem(put -> put.tableName(REGISTRY).item(item));

        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent(clientId)))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessageStartingWith("app client " + clientId + " ")
                .hasMessageContaining(why)
                .hasMessageNotContaining("acme/../globex");
    }

    @Test
    void scopesAndClientMetadataTheCallerSendsCannotChooseTheTenant() {
        register("client-acme-2", "acme", TenantRegistryTable.ACTIVE);
        register("client-globex", "globex", TenantRegistryTable.ACTIVE);
        Map<String, Object> event = clientCredentialsEvent("client-acme-2");
        request(event).put("scopes", new ArrayList<>(List.of("invoice-groups/read", "tenant/globex")));
        request(event).put("clientMetadata", Map.of("tenant_id", "globex", "clientId", "client-globex"));

        Map<String, Object> answered = trigger.handleRequest(event);

        assertThat(tenantIn(answered)).isEqualTo("acme");
        assertThat(answered.get("response").toString()).doesNotContain("globex");
    }

    @Test
    void theClaimsNameIsConfiguration() {
        register("client-custom", "acme", TenantRegistryTable.ACTIVE);
        TenantClaimTrigger custom = new TenantClaimTrigger(dynamoDb, REGISTRY, "custom:tenant");

        Map<String, Object> answered = custom.handleRequest(clientCredentialsEvent("client-custom"));

        assertThat(answered.get("response").toString()).contains("custom:tenant=acme").doesNotContain("tenant_id");
    }

    @Test
    void anEventWithoutAClientIdGetsNoToken() {
        Map<String, Object> event = clientCredentialsEvent("unused");
        event.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown"));

        assertThatThrownBy(() -> trigger.handleRequest(event))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessageContaining("callerContext.clientId");
    }

    @Test
    void anUnresponsiveRegistryFailsTheTokenWellInsideCognitosFiveSeconds() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = acceptForever(silent);
            TenantClaimTrigger trigger = new TenantClaimTrigger(TriggerConfiguration.from(Map.of(
                    "TENANT_REGISTRY_TABLE", REGISTRY, "AWS_REGION", "us-east-1",
                    "DYNAMODB_ENDPOINT", "http://127.0.0.1:" + silent.getLocalPort())));

            long started = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                    () -> trigger.handleRequest(clientCredentialsEvent("client-acme"))).isNotNull());

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private static List<Socket> acceptForever(ServerSocket server) {
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return accepted;
    }

    private static void register(String clientId, String tenant, String status) {
        dynamoDb.putItem(put -> put.tableName(REGISTRY).item(Map.of(
                TenantRegistryTable.PARTITION_KEY, s(clientId),
                TenantRegistryTable.TENANT_ID, s(tenant),
                TenantRegistryTable.STATUS, s(status),
                TenantRegistryTable.CREATED_AT, s("2026-11-24T17:30:00Z"))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> request(Map<String, Object> event) {
        return (Map<String, Object>) event.get("request");
    }

    @SuppressWarnings("unchecked")
    private static String tenantIn(Map<String, Object> answered) {
        Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) answered.get("response"))
                .get("claimsAndScopeOverrideDetails");
        Map<String, Object> access = (Map<String, Object>) details.get("accessTokenGeneration");
        return (String) ((Map<String, Object>) access.get("claimsToAddOrOverride")).get("tenant_id");
    }

    /** The shape Cognito sends for a client-credentials grant, as the Java runtime deserialises it (maps and lists). */
    static Map<String, Object> clientCredentialsEvent(String clientId) {
        Map<String, Object> request = new HashMap<>();
        request.put("userAttributes", Map.of());
        request.put("scopes", new ArrayList<>(List.of("invoice-groups/read")));
        request.put("groupConfiguration", null);
        Map<String, Object> response = new HashMap<>();
        response.put("claimsAndScopeOverrideDetails", null);
        Map<String, Object> event = new HashMap<>();
        event.put("version", "3");
        event.put("triggerSource", "TokenGeneration_ClientCredentials");
        event.put("region", "eu-west-1");
        event.put("userPoolId", "eu-west-1_pool");
        event.put("userName", "ClientCredentials");
        event.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", clientId));
        event.put("request", request);
        event.put("response", response);
        return event;
    }
}
