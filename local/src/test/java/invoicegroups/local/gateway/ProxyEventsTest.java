package invoicegroups.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import invoicegroups.local.RunningLocalApi;
import invoicegroups.local.gateway.AuthorizerDecision.Allowed;
import invoicegroups.local.gateway.ProxyEvents.RequestIds;
import invoicegroups.table.LocalRunner;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The payload 1.0 event the front hands the handler is built from the request and the authorizer's decision as API Gateway builds it. */
class ProxyEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T17:30:00Z");
    private final ProxyEvents events = new ProxyEvents();

    @Test
    void theAuthorizersPrincipalContextAndLatencyAreInTheRequestContextAsTheyAreBehindALambdaAuthorizer() {
        assertThat(event("").getRequestContext().getAuthorizer()).containsExactly(
                Map.entry("principalId", "acme-demo"), Map.entry("tenantId", "acme"), Map.entry("clientId", "acme-demo"),
                Map.entry("plan", "standard"), Map.entry("integrationLatency", 7L));
    }

    @Test
    void theMethodArnIsTheLocalApisStageMethodAndResource() {
        assertThat(ProxyEvents.methodArn("GET", "/invoice_groups"))
                .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:local/local/GET/invoice_groups");
    }

    @Test
    void queryParametersAreDecodedWithTheLastValueInOneMapAndEveryValueInTheOther() {
        APIGatewayProxyRequestEvent event = event("pageSize=2&tag=x&tag=y%20z&sortOrder=asc");

        assertThat(event.getQueryStringParameters())
                .containsExactly(Map.entry("pageSize", "2"), Map.entry("tag", "y z"), Map.entry("sortOrder", "asc"));
        assertThat(event.getMultiValueQueryStringParameters()).containsEntry("tag", List.of("x", "y z"))
                .containsEntry("pageSize", List.of("2"));
        assertThat(event("").getQueryStringParameters()).isNull();
        assertThat(event("").getMultiValueQueryStringParameters()).isNull();
    }

    @Test
    void headersKeepTheirNamesWithTheLastValueInOneMapAndEveryValueInTheOther() {
        APIGatewayProxyRequestEvent event = event("");

        assertThat(event.getHeaders()).containsEntry("Accept", "text/plain").containsEntry("X-Forwarded-For", "203.0.113.9");
        assertThat(event.getMultiValueHeaders()).containsEntry("Accept", List.of("application/json", "text/plain"));
    }

    @Test
    void theRequestContextCarriesTheIdsTheStageTheCallerAndTheClaims() {
        APIGatewayProxyRequestEvent event = event("pageSize=2");

        assertThat(event.getResource()).isEqualTo("/invoice_groups");
        assertThat(event.getPath()).isEqualTo("/invoice_groups");
        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        assertThat(context.getRequestId()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(context.getExtendedRequestId()).isEqualTo("Cj1aBgXYIAMEVxQ=");
        assertThat(context.getStage()).isEqualTo(LocalRunner.STAGE);
        assertThat(context.getResourcePath()).isEqualTo("/invoice_groups");
        assertThat(context.getPath()).isEqualTo("/" + LocalRunner.STAGE + "/invoice_groups");
        assertThat(context.getHttpMethod()).isEqualTo("GET");
        assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getIdentity().getUserAgent()).isEqualTo("curl/8.5.0");
        assertThat(context.getRequestTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(context.getRequestTime()).isEqualTo("24/Nov/2026:17:30:00 +0000");
        assertThat(context.getAuthorizer()).containsEntry("tenantId", "acme").containsEntry("principalId", "acme-demo");
    }

    @Test
    void theLambdaRuntimesSerialiserWritesTheEventWithTheAuthorizersContext() {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, getClass().getClassLoader())
                .toJson(event("pageSize=2"), json);

        JsonNode written = RunningLocalApi.JSON.readTree(json.toByteArray());
        assertThat(written.get("requestContext").get("authorizer").get("tenantId").stringValue()).isEqualTo("acme");
        assertThat(written.get("requestContext").get("authorizer").get("integrationLatency").intValue()).isEqualTo(7);
        assertThat(written.get("multiValueQueryStringParameters").get("pageSize").get(0).stringValue()).isEqualTo("2");
    }

    private APIGatewayProxyRequestEvent event(String rawQuery) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json", "text/plain"));
        headers.put("Host", List.of("localhost:8080"));
        headers.put("User-Agent", List.of("curl/8.5.0"));
        headers.put("X-Forwarded-For", List.of("203.0.113.9"));
        LocalRequest request = new LocalRequest("GET", "/invoice_groups", rawQuery, headers, "HTTP/1.1", "127.0.0.1",
                new byte[0]);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("tenantId", "acme");
        context.put("clientId", "acme-demo");
        context.put("plan", "standard");
        Allowed allowed = new Allowed("acme-demo", context, 7);
        return events.event("/invoice_groups", request, allowed,
                new RequestIds("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "Cj1aBgXYIAMEVxQ="), NOW);
    }
}
