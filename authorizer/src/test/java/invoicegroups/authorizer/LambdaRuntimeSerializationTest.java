package invoicegroups.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The authorizer as the Lambda Java runtime drives a handler method without aws-lambda-java-core: the TOKEN event
 * JSON (the shape of API Gateway's developer guide, "Input to an API Gateway Lambda authorizer") deserialised into
 * the method's declared parameter type, the result serialised back, both with the runtime's own Jackson-based
 * serializer; the handler configured from environment variables, against a registry on DynamoDB Local and the
 * pool's JWKS over loopback HTTP.
 */
class LambdaRuntimeSerializationTest {

    @Test
    void aTokenEventComesBackAsTheAllowPolicyWithTheTenantsContextAndApiKey() throws Exception {
        try (AuthorizerFixture fixture = new AuthorizerFixture("registry-serialization")) {
            fixture.registry.activeTenant("acme", "1example23456789");
            String token = fixture.tokens.signed(fixture.tokens.accessToken("1example23456789", "acme"));
            String event;
            try (InputStream in = getClass().getResourceAsStream("/token-authorizer-event.json")) {
                event = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("Bearer TOKEN", "Bearer " + token);
            }

            String json = invokeAsTheRuntimeDoes(fixture.authorizer, event);

            assertThat(json).isEqualTo("{\"principalId\":\"1example23456789\",\"policyDocument\":{\"Version\":"
                    + "\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":"
                    + "\"arn:aws:execute-api:us-east-1:123456789012:abc123defg/prod/GET/invoice_groups\"}]},"
                    + "\"context\":{\"tenantId\":\"acme\",\"clientId\":\"1example23456789\",\"plan\":\"standard\"},"
                    + "\"usageIdentifierKey\":\"key-acme\"}");
        }
    }

    private static String invokeAsTheRuntimeDoes(TokenAuthorizer authorizer, String eventJson) throws Exception {
        Method handler = TokenAuthorizer.class.getMethod("handleRequest", java.util.Map.class);
        PojoSerializer<Object> events = JacksonFactory.getInstance().getSerializer(handler.getGenericParameterTypes()[0]);
        PojoSerializer<Object> responses = JacksonFactory.getInstance().getSerializer(handler.getGenericReturnType());
        Object event = events.fromJson(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)));
        Object answer = handler.invoke(authorizer, event);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        responses.toJson(answer, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
