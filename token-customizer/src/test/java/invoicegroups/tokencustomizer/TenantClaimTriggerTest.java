package invoicegroups.tokencustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.lambdaclients.LogCapture;
import invoicegroups.lambdaclients.RegistryRecords;
import invoicegroups.lambdaclients.SilentServer;
import invoicegroups.table.TenantId;
import invoicegroups.table.TenantRegistryTable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
    private static RegistryRecords registry;
    private static TenantClaimTrigger trigger;
    private static final LogCapture log = new LogCapture();

    @BeforeAll
    static void startRegistry() {
        dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
        dynamoDb = dynamoDbLocal.newClient();
        EmbeddedDynamoDb.createTenantRegistryTable(dynamoDb, REGISTRY);
        registry = new RegistryRecords(dynamoDb, REGISTRY);
        trigger = new TenantClaimTrigger(dynamoDb, REGISTRY, "tenant_id", log.stream);
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    @AfterAll
    static void stopRegistry() {
        dynamoDb.close();
        dynamoDbLocal.close();
    }

    @Test
    void anActiveTenantsClientsAccessTokenCarriesItsRegisteredTenant() {
        register("client-acme", "acme", TenantRegistryTable.ACTIVE);

        Map<String, Object> answered = trigger.handleRequest(clientCredentialsEvent("client-acme"));

        assertThat(answered).containsEntry("version", "3").containsEntry("userPoolId", "eu-west-1_pool");
        assertThat(answered.get("response")).isEqualTo(Map.of("claimsAndScopeOverrideDetails",
                Map.of("accessTokenGeneration", Map.of("claimsToAddOrOverride", Map.of("tenant_id", "acme")))));
        assertThat(log.lines()).containsExactly("{\"message\":\"token request\",\"clientId\":\"client-acme\","
                + "\"tenantId\":\"acme\",\"outcome\":\"issued\",\"reason\":\"active tenant\"}");
    }

    @Test
    void aSuspendedTenantsClientGetsNoToken() {
        register("client-suspended", "initech", TenantRegistryTable.SUSPENDED);

        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent("client-suspended")))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessage("app client client-suspended: tenant initech is suspended");
        assertThat(log.lines()).containsExactly("{\"message\":\"token request\",\"clientId\":\"client-suspended\","
                + "\"tenantId\":\"initech\",\"outcome\":\"refused\",\"reason\":\"tenant suspended\"}");
    }

    @Test
    void anUnknownClientGetsNoToken() {
        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent("client-nobody")))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessage("app client client-nobody is not registered to a tenant");
        assertThat(log.lines()).containsExactly("{\"message\":\"token request\",\"clientId\":\"client-nobody\","
                + "\"tenantId\":null,\"outcome\":\"refused\",\"reason\":\"client not registered\"}");
    }

    @Test
    void aRemovedTenantsClientGetsNoToken() {
        registry.client("client-orphan", "removed");

        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent("client-orphan")))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessage("app client client-orphan: tenant removed is not registered");
        assertThat(log.lines()).singleElement().asString().contains("\"outcome\":\"refused\"",
                "\"reason\":\"tenant not registered\"");
    }

    @Test
    void aLegacyRegistryEntryGetsNoTokenUntilRepaired() {
        registry.legacyClient("client-legacy", "legacy");

        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent("client-legacy")))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessage("app client client-legacy of tenant legacy has a legacy registry entry (no tenant record): "
                        + "run tenants check --repair");
        assertThat(log.lines()).singleElement().asString().contains("\"tenantId\":\"legacy\"",
                "\"reason\":\"legacy registry entry: run tenants check --repair\"");
    }

    @Test
    void suspendingTakesEffectOnTheNextTokenRequestAndResumingToo() {
        register("client-umbrella", "umbrella", TenantRegistryTable.ACTIVE);
        assertThat(tenantIn(trigger.handleRequest(clientCredentialsEvent("client-umbrella")))).isEqualTo("umbrella");

        register("client-umbrella", "umbrella", TenantRegistryTable.SUSPENDED);

        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent("client-umbrella")))
                .isInstanceOf(TokenRefusedException.class);
        register("client-umbrella", "umbrella", TenantRegistryTable.ACTIVE);
        assertThat(tenantIn(trigger.handleRequest(clientCredentialsEvent("client-umbrella")))).isEqualTo("umbrella");
    }

    /** Client records the registry table accepts (an empty or non-string tenantId it refuses itself: the index key). */
    static List<Arguments> malformedClientRecords() {
        return List.of(
                Arguments.of("no tenantId", Map.of("createdAt", s("2026-11-24T17:30:00Z"))),
                Arguments.of("a tenantId breaking the rule", Map.of("tenantId", s("acme/../globex"))),
                Arguments.of("an overlong tenantId", Map.of("tenantId", s("a".repeat(129)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedClientRecords")
    void aMalformedClientRecordGetsNoToken(String what, Map<String, AttributeValue> attributes) {
        String clientId = "client-malformed-" + Math.abs(what.hashCode());
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.put(TenantRegistryTable.PARTITION_KEY, s(clientId));
        put(item);

        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent(clientId)))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessage("app client " + clientId + " has a registry entry whose tenant id is not " + TenantId.RULE);
        assertThat(log.lines()).singleElement().asString().contains("\"tenantId\":null",
                "\"reason\":\"malformed client record\"").doesNotContain("acme/../globex");
    }

    static List<Arguments> malformedTenantStatuses() {
        return List.of(
                Arguments.of("no status", null),
                Arguments.of("an unknown status", s("ACTIVE")),
                Arguments.of("a status of another type", AttributeValue.fromBool(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTenantStatuses")
    void aTenantRecordWithoutAValidStatusGetsNoToken(String what, AttributeValue status) {
        String tenant = "tenant-" + Math.abs(what.hashCode());
        String clientId = "client-" + tenant;
        Map<String, AttributeValue> record = new HashMap<>(Map.of(
                TenantRegistryTable.PARTITION_KEY, s(TenantRegistryTable.tenantRecordKey(tenant)),
                TenantRegistryTable.TENANT_ID, s(tenant)));
        if (status != null) {
            record.put(TenantRegistryTable.STATUS, status);
        }
        put(record);
        put(Map.of(TenantRegistryTable.PARTITION_KEY, s(clientId), TenantRegistryTable.TENANT_ID, s(tenant)));

        assertThatThrownBy(() -> trigger.handleRequest(clientCredentialsEvent(clientId)))
                .isInstanceOf(TokenRefusedException.class)
                .hasMessage("app client " + clientId + ": tenant " + tenant
                        + " has a record without a valid status (active or suspended)");
        assertThat(log.lines()).singleElement().asString().contains("\"reason\":\"tenant status not active\"");
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
        try (SilentServer silent = SilentServer.start()) {
            TenantClaimTrigger trigger = new TenantClaimTrigger(TriggerConfiguration.from(Map.of(
                    "TENANT_REGISTRY_TABLE", REGISTRY, "AWS_REGION", "us-east-1",
                    "DYNAMODB_ENDPOINT", silent.endpoint())), log.stream);

            long started = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                    () -> trigger.handleRequest(clientCredentialsEvent("client-acme"))).isNotNull());

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
            assertThat(log.lines()).containsExactly("{\"message\":\"token request\",\"clientId\":\"client-acme\","
                    + "\"tenantId\":null,\"outcome\":\"refused\",\"reason\":\"the tenant registry is unavailable\"}");
        }
    }

    /** A tenant record with this status and a client record naming the tenant, as {@code tenants} writes them. */
    private static void register(String clientId, String tenant, String status) {
        registry.tenantWithClient(tenant, status, clientId);
    }

    private static void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(put -> put.tableName(REGISTRY).item(item));
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
