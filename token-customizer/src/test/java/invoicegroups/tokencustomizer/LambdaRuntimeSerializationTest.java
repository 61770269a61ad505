package invoicegroups.tokencustomizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.table.TenantRegistryTable;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The trigger as the Lambda Java runtime drives a handler method without aws-lambda-java-core: the event JSON (a
 * V3_0 client-credentials event, the shape of Cognito's developer guide, "Pre token generation Lambda trigger") is
 * deserialised into the method's declared parameter type, the result serialised back, both with the runtime's own
 * Jackson-based serializer. The handler is configured from environment variables, as in Lambda, against a registry on
 * DynamoDB Local.
 */
class LambdaRuntimeSerializationTest {

    private static final String REGISTRY = "tenant-registry-serialization-test";

    @Test
    void aClientCredentialsEventFromCognitoComesBackWithTheRegisteredTenantsClaim() throws Exception {
        try (EmbeddedDynamoDb dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
                DynamoDbClient dynamoDb = dynamoDbLocal.newClient()) {
            EmbeddedDynamoDb.createTenantRegistryTable(dynamoDb, REGISTRY);
            dynamoDb.putItem(put -> put.tableName(REGISTRY).item(Map.of(
                    TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS(TenantRegistryTable.tenantRecordKey("acme")),
                    TenantRegistryTable.TENANT_ID, AttributeValue.fromS("acme"),
                    TenantRegistryTable.STATUS, AttributeValue.fromS(TenantRegistryTable.ACTIVE),
                    TenantRegistryTable.PLAN, AttributeValue.fromS("standard"),
                    TenantRegistryTable.VERSION, AttributeValue.fromN("1"),
                    TenantRegistryTable.CREATED_AT, AttributeValue.fromS("2026-11-24T17:30:00Z"))));
            dynamoDb.putItem(put -> put.tableName(REGISTRY).item(Map.of(
                    TenantRegistryTable.PARTITION_KEY, AttributeValue.fromS("1example23456789"),
                    TenantRegistryTable.TENANT_ID, AttributeValue.fromS("acme"),
                    TenantRegistryTable.CREATED_AT, AttributeValue.fromS("2026-11-24T17:30:00Z"))));
            TenantClaimTrigger trigger = new TenantClaimTrigger(TriggerConfiguration.from(Map.of(
                    "TENANT_REGISTRY_TABLE", REGISTRY,
                    // DynamoDB Local keeps tables per region and access key: the test client's.
                    "AWS_REGION", EmbeddedDynamoDb.REGION.id(),
                    "DYNAMODB_ENDPOINT", dynamoDbLocal.endpoint().toString())));

            String json = invokeAsTheRuntimeDoes(trigger, "/client-credentials-event.json");

            // The event asks for a tenant/globex scope and names globex in clientMetadata: neither counts.
            assertThat(json)
                    .contains("\"response\":{\"claimsAndScopeOverrideDetails\":{\"accessTokenGeneration\":"
                            + "{\"claimsToAddOrOverride\":{\"tenant_id\":\"acme\"}}}}")
                    .contains("\"userPoolId\":\"eu-west-1_EXAMPLE\"",
                            "\"triggerSource\":\"TokenGeneration_ClientCredentials\"");
        }
    }

    private static String invokeAsTheRuntimeDoes(TenantClaimTrigger trigger, String eventResource) throws Exception {
        Method handler = TenantClaimTrigger.class.getMethod("handleRequest", Map.class);
        PojoSerializer<Object> events = JacksonFactory.getInstance().getSerializer(handler.getGenericParameterTypes()[0]);
        PojoSerializer<Object> responses = JacksonFactory.getInstance().getSerializer(handler.getGenericReturnType());
        Object event;
        try (InputStream json = LambdaRuntimeSerializationTest.class.getResourceAsStream(eventResource)) {
            event = events.fromJson(json);
        }
        Object answer = handler.invoke(trigger, event);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        responses.toJson(answer, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
