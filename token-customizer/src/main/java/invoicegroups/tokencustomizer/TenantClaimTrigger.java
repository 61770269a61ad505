package invoicegroups.tokencustomizer;

import invoicegroups.table.TenantId;
import invoicegroups.table.TenantRegistryTable;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Cognito pre-token-generation trigger (event version V3_0): writes the caller's tenant into its access token, as the
 * tenant registry says.
 *
 * <p>The app client that asks for a token is {@code callerContext.clientId}, which Cognito fills in after checking the
 * client's secret. The trigger reads that client's registry item (one consistent GetItem, only {@code tenantId} and
 * {@code status}) and answers {@code claimsToAddOrOverride {<claim>: tenantId}} for the access token. An unknown
 * client, a suspended one or a malformed item: it throws {@link TokenRefusedException}, and Cognito issues no token.
 * Nothing the caller sends (the scopes it asks for, {@code clientMetadata}) is read.
 *
 * <p>Handler: {@code invoicegroups.tokencustomizer.TenantClaimTrigger::handleRequest}. No aws-lambda-java-core: the
 * Java runtime deserialises the event into plain maps and lists. The DynamoDB client is built once, with the handler.
 */
public final class TenantClaimTrigger {

    private static final String STATUS_NAME = "#status";
    private static final String TENANT_NAME = "#tenant";
    /** "status" is a DynamoDB reserved word: the projection names both attributes by placeholder. */
    private static final String PROJECTION = TENANT_NAME + ", " + STATUS_NAME;
    private static final Map<String, String> PROJECTED_NAMES =
            Map.of(TENANT_NAME, TenantRegistryTable.TENANT_ID, STATUS_NAME, TenantRegistryTable.STATUS);

    private final DynamoDbClient dynamoDb;
    private final String registryTableName;
    private final String tenantClaim;

    /** Lambda's entry: configured from environment variables ({@link TriggerConfiguration}). */
    public TenantClaimTrigger() {
        this(TriggerConfiguration.fromEnvironment());
    }

    TenantClaimTrigger(TriggerConfiguration configuration) {
        this(RegistryClients.create(configuration), configuration.registryTableName(), configuration.tenantClaim());
    }

    /**
     * @param dynamoDb the client of the registry's DynamoDB (the local runner passes its DynamoDB Local's)
     * @param registryTableName the tenant registry table ({@link TenantRegistryTable})
     * @param tenantClaim the access-token claim to write the tenant into
     */
    public TenantClaimTrigger(DynamoDbClient dynamoDb, String registryTableName, String tenantClaim) {
        this.dynamoDb = dynamoDb;
        this.registryTableName = registryTableName;
        this.tenantClaim = tenantClaim;
    }

    /**
     * Answers the V3_0 event with the tenant claim for the access token.
     *
     * @throws TokenRefusedException when the client has no active, well-formed registry entry (Cognito then issues no
     *         token); DynamoDB's own failures propagate, with the same effect
     */
    public Map<String, Object> handleRequest(Map<String, Object> event) {
        String clientId = clientIdOf(event);
        String tenant = activeTenantOf(clientId);
        Map<String, Object> response = new HashMap<>();
        response.put("claimsAndScopeOverrideDetails",
                Map.of("accessTokenGeneration", Map.of("claimsToAddOrOverride", Map.of(tenantClaim, tenant))));
        event.put("response", response);
        return event;
    }

    private String activeTenantOf(String clientId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder()
                .tableName(registryTableName)
                .key(Map.of(TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(clientId)))
                // A client suspended or removed a moment ago gets no new token.
                .consistentRead(true)
                .projectionExpression(PROJECTION)
                .expressionAttributeNames(PROJECTED_NAMES)
                .build()).item();
        if (item == null || item.isEmpty()) {
            throw new TokenRefusedException("app client " + clientId + " is not registered to a tenant");
        }
        String status = string(item.get(TenantRegistryTable.STATUS));
        if (TenantRegistryTable.SUSPENDED.equals(status)) {
            throw new TokenRefusedException("app client " + clientId + " is suspended");
        }
        if (!TenantRegistryTable.ACTIVE.equals(status)) {
            throw new TokenRefusedException("app client " + clientId + " has a registry entry without a valid status ("
                    + TenantRegistryTable.ACTIVE + " or " + TenantRegistryTable.SUSPENDED + ")");
        }
        String tenant = string(item.get(TenantRegistryTable.TENANT_ID));
        if (!TenantId.isValid(tenant)) {
            throw new TokenRefusedException("app client " + clientId
                    + " has a registry entry whose tenant id is not " + TenantId.RULE);
        }
        return tenant;
    }

    private static String string(AttributeValue value) {
        return value == null ? null : value.s();
    }

    private static String clientIdOf(Map<String, Object> event) {
        if (event != null && event.get("callerContext") instanceof Map<?, ?> caller
                && caller.get("clientId") instanceof String clientId && !clientId.isBlank()) {
            return clientId;
        }
        throw new TokenRefusedException("the event names no app client (callerContext.clientId)");
    }
}
