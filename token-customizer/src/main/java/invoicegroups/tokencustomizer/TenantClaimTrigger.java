package invoicegroups.tokencustomizer;

import invoicegroups.table.TenantId;
import invoicegroups.table.TenantRegistryTable;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Cognito pre-token-generation trigger (event version V3_0): writes the caller's tenant into its access token, as the
 * tenant registry says, and only for an active tenant.
 *
 * <p>The app client that asks for a token is {@code callerContext.clientId}, which Cognito fills in after checking the
 * client's secret. The trigger reads that client's record (consistent GetItem: its {@code tenantId}), then the
 * tenant's record {@code tenant#<tenantId>} (consistent GetItem: its {@code status}), and answers
 * {@code claimsToAddOrOverride {<claim>: tenantId}} for the access token only if the tenant record exists and is
 * {@code active}. An unknown client, a removed or suspended tenant, a malformed record, or a registry written before
 * tenant records existed (a client record with a {@code status}, no tenant record: {@code tenants check --repair}
 * upgrades it): it throws {@link TokenRefusedException}, and Cognito issues no token. Nothing the caller sends (the
 * scopes it asks for, {@code clientMetadata}) is read.
 *
 * <p>One JSON line per token request on stdout ({@link TokenRequestLog}), issued or refused.
 *
 * <p>Handler: {@code invoicegroups.tokencustomizer.TenantClaimTrigger::handleRequest}. No aws-lambda-java-core: the
 * Java runtime deserialises the event into plain maps and lists. The DynamoDB client is built once, with the handler.
 */
public final class TenantClaimTrigger {

    private static final String STATUS_NAME = "#status";
    private static final String TENANT_NAME = "#tenant";
    private static final String KEY_NAME = "#key";
    /**
     * The key too, so that a record holding neither attribute still reads as present (and malformed). "status" is a
     * DynamoDB reserved word: the projection names every attribute by placeholder.
     */
    private static final String PROJECTION = KEY_NAME + ", " + TENANT_NAME + ", " + STATUS_NAME;
    private static final Map<String, String> PROJECTED_NAMES = Map.of(KEY_NAME, TenantRegistryTable.PARTITION_KEY,
            TENANT_NAME, TenantRegistryTable.TENANT_ID, STATUS_NAME, TenantRegistryTable.STATUS);

    private final DynamoDbClient dynamoDb;
    private final String registryTableName;
    private final String tenantClaim;
    private final TokenRequestLog log;

    /** Lambda's entry: configured from environment variables ({@link TriggerConfiguration}). */
    public TenantClaimTrigger() {
        this(TriggerConfiguration.fromEnvironment());
    }

    TenantClaimTrigger(TriggerConfiguration configuration) {
        this(configuration, System.out);
    }

    TenantClaimTrigger(TriggerConfiguration configuration, PrintStream tokenRequestLog) {
        this(RegistryClients.create(configuration), configuration.registryTableName(), configuration.tenantClaim(),
                tokenRequestLog);
    }

    /** As {@link #TenantClaimTrigger(DynamoDbClient, String, String, PrintStream)}, logging to stdout as in Lambda. */
    public TenantClaimTrigger(DynamoDbClient dynamoDb, String registryTableName, String tenantClaim) {
        this(dynamoDb, registryTableName, tenantClaim, System.out);
    }

    /**
     * @param dynamoDb the client of the registry's DynamoDB (the local runner passes its DynamoDB Local's)
     * @param registryTableName the tenant registry table ({@link TenantRegistryTable})
     * @param tenantClaim the access-token claim to write the tenant into
     * @param tokenRequestLog where the one line per token request goes
     */
    public TenantClaimTrigger(DynamoDbClient dynamoDb, String registryTableName, String tenantClaim,
            PrintStream tokenRequestLog) {
        this.dynamoDb = dynamoDb;
        this.registryTableName = registryTableName;
        this.tenantClaim = tenantClaim;
        this.log = new TokenRequestLog(tokenRequestLog);
    }

    /**
     * Answers the V3_0 event with the tenant claim for the access token.
     *
     * @throws TokenRefusedException when the client's tenant is not registered and active (Cognito then issues no
     *         token); DynamoDB's own failures propagate, with the same effect
     */
    public Map<String, Object> handleRequest(Map<String, Object> event) {
        String clientId = null;
        String tenant;
        try {
            clientId = clientIdOf(event);
            tenant = activeTenantOf(clientId);
        } catch (TokenRefusedException refused) {
            log.refused(clientId, refused.tenantId(), refused.reason());
            throw refused;
        } catch (RuntimeException failed) {
            log.refused(clientId, null, "the tenant registry is unavailable");
            throw failed;
        }
        log.issued(clientId, tenant);
        Map<String, Object> response = new HashMap<>();
        response.put("claimsAndScopeOverrideDetails",
                Map.of("accessTokenGeneration", Map.of("claimsToAddOrOverride", Map.of(tenantClaim, tenant))));
        event.put("response", response);
        return event;
    }

    private String activeTenantOf(String clientId) {
        Map<String, AttributeValue> client = read(clientId);
        if (client == null) {
            throw new TokenRefusedException("app client " + clientId + " is not registered to a tenant",
                    "client not registered", null);
        }
        String tenant = string(client.get(TenantRegistryTable.TENANT_ID));
        if (!TenantId.isValid(tenant)) {
            throw new TokenRefusedException("app client " + clientId
                    + " has a registry entry whose tenant id is not " + TenantId.RULE, "malformed client record", null);
        }
        Map<String, AttributeValue> tenantRecord = read(TenantRegistryTable.tenantRecordKey(tenant));
        if (tenantRecord == null) {
            if (client.containsKey(TenantRegistryTable.STATUS)) {
                throw new TokenRefusedException("app client " + clientId + " of tenant " + tenant
                        + " has a legacy registry entry (no tenant record): run tenants check --repair",
                        "legacy registry entry: run tenants check --repair", tenant);
            }
            throw new TokenRefusedException("app client " + clientId + ": tenant " + tenant + " is not registered",
                    "tenant not registered", tenant);
        }
        String status = string(tenantRecord.get(TenantRegistryTable.STATUS));
        if (TenantRegistryTable.SUSPENDED.equals(status)) {
            throw new TokenRefusedException("app client " + clientId + ": tenant " + tenant + " is suspended",
                    "tenant suspended", tenant);
        }
        if (!TenantRegistryTable.ACTIVE.equals(status)) {
            throw new TokenRefusedException("app client " + clientId + ": tenant " + tenant
                    + " has a record without a valid status (" + TenantRegistryTable.ACTIVE + " or "
                    + TenantRegistryTable.SUSPENDED + ")", "tenant status not active", tenant);
        }
        return tenant;
    }

    /** One registry record, read consistently: a client removed or a tenant suspended a moment ago gets no token. */
    private Map<String, AttributeValue> read(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder()
                .tableName(registryTableName)
                .key(Map.of(TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(key)))
                .consistentRead(true)
                .projectionExpression(PROJECTION)
                .expressionAttributeNames(PROJECTED_NAMES)
                .build()).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static String string(AttributeValue value) {
        return value == null ? null : value.s();
    }

    private static String clientIdOf(Map<String, Object> event) {
        if (event != null && event.get("callerContext") instanceof Map<?, ?> caller
                && caller.get("clientId") instanceof String clientId && !clientId.isBlank()) {
            return clientId;
        }
        throw new TokenRefusedException("the event names no app client (callerContext.clientId)",
                "no app client in the event", null);
    }
}
