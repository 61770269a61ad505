package invoicegroups.tokencustomizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trigger as the Lambda Java runtime drives a handler method without aws-lambda-java-core: the event JSON is
 * deserialised into the method's declared parameter type, the result serialised back, both with the runtime's own
 * Jackson-based serializer.
 */
class LambdaRuntimeSerializationTest {

    @Test
    void aClientCredentialsEventFromCognitoComesBackWithTheTenantClaim() throws Exception {
        Method handler = TenantClaimTrigger.class.getMethod("handleRequest", Map.class);
        PojoSerializer<Object> events = JacksonFactory.getInstance().getSerializer(handler.getGenericParameterTypes()[0]);
        PojoSerializer<Object> responses = JacksonFactory.getInstance().getSerializer(handler.getGenericReturnType());

        Object event;
        try (InputStream json = getClass().getResourceAsStream("/client-credentials-event.json")) {
            event = events.fromJson(json);
        }
        Object answer = handler.invoke(TenantClaimTrigger.class.getConstructor().newInstance(), event);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        responses.toJson(answer, out);
        String json = out.toString(StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"response\":{\"claimsAndScopeOverrideDetails\":{\"accessTokenGeneration\":"
                        + "{\"claimsToAddOrOverride\":{\"tenant_id\":\"acme\"}}}}")
                .contains("\"userPoolId\":\"eu-west-1_EXAMPLE\"", "\"triggerSource\":\"TokenGeneration_ClientCredentials\"");
    }
}
