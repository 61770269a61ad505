package invoicegroups.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import invoicegroups.support.Events;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample events in {@code events/} are REST API Lambda proxy events (payload format 1.0) behind the Lambda
 * authorizer, as the Lambda Java runtime's serializer reads them: the authorizer's {@code principalId}, its context
 * ({@code tenantId}, {@code clientId}, {@code plan}, strings) and {@code integrationLatency} in
 * {@code requestContext.authorizer}; every query parameter in {@code multiValueQueryStringParameters}.
 */
class SampleEventsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"first-page.json", "next-page.json", "bad-token.json", "authorizer-without-tenant.json"})
    void isAProxyEventWithTheAuthorizersDecision(String file) {
        APIGatewayProxyRequestEvent event = Events.sample(file);

        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getResource()).isEqualTo("/invoice_groups");
        assertThat(event.getRequestContext().getResourcePath()).isEqualTo("/invoice_groups");
        Map<String, Object> authorizer = event.getRequestContext().getAuthorizer();
        assertThat(authorizer).containsKeys("principalId", "clientId", "plan", "integrationLatency")
                .containsEntry("principalId", authorizer.get("clientId"));
        assertThat(authorizer.get("integrationLatency")).isInstanceOf(Number.class);
        authorizer.forEach((key, value) -> {
            if (!key.equals("integrationLatency")) {
                assertThat(value).as(key).isInstanceOf(String.class);
            }
        });
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) ->
                    assertThat(event.getMultiValueQueryStringParameters()).containsEntry(name, List.of(value)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"first-page.json", "next-page.json", "bad-token.json"})
    void namesTheTenantTheAuthorizerDecided(String file) {
        assertThat(Events.sample(file).getRequestContext().getAuthorizer()).containsEntry("tenantId", "acme");
    }

    @org.junit.jupiter.api.Test
    void theEventWithoutATenantHasEverythingElseTheAuthorizerWrites() {
        assertThat(Events.sample("authorizer-without-tenant.json").getRequestContext().getAuthorizer())
                .doesNotContainKey("tenantId");
    }
}
