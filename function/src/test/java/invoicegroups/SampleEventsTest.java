package invoicegroups;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import invoicegroups.support.Events;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample events in {@code events/} are REST API Lambda proxy events (payload format 1.0) behind a Cognito
 * user-pool authorizer, as the Lambda Java runtime's serializer reads them: the access token's claims, every one a
 * string, in {@code requestContext.authorizer.claims}; every query parameter in {@code multiValueQueryStringParameters}.
 */
class SampleEventsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"first-page.json", "next-page.json", "bad-token.json", "missing-tenant-claim.json"})
    void isAProxyEventWithTheAccessTokensClaims(String file) {
        APIGatewayProxyRequestEvent event = Events.sample(file);

        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getResource()).isEqualTo("/invoice_groups");
        assertThat(event.getRequestContext().getResourcePath()).isEqualTo("/invoice_groups");
        assertThat(event.getRequestContext().getAuthorizer()).containsOnlyKeys("claims");
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) event.getRequestContext().getAuthorizer().get("claims");
        assertThat(claims).containsKeys("sub", "iss", "client_id", "token_use", "scope", "auth_time", "exp", "iat",
                "jti", "version");
        assertThat(claims.get("token_use")).isEqualTo("access");
        assertThat(claims.get("scope")).isEqualTo("invoice-groups/read");
        assertThat(claims.values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) ->
                    assertThat(event.getMultiValueQueryStringParameters()).containsEntry(name, List.of(value)));
        }
    }
}
