package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import invoicegroups.local.control.DemoClients;
import invoicegroups.local.control.HttpApiEvents;
import invoicegroups.local.control.JwtAuthorizer;
import invoicegroups.local.control.SigningKey;
import invoicegroups.local.control.TokenIssuer;
import invoicegroups.local.entity.AuthorizerDecision;
import invoicegroups.local.entity.AuthorizerDecision.Allowed;
import invoicegroups.local.entity.LocalRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The payload 2.0 event the front hands the handler is built from the request and the token as API Gateway builds it. */
class HttpApiEventTest {

    private static final String ISSUER = "http://localhost:8080";
    private final SigningKey key = SigningKey.generate();
    private final JwtAuthorizer authorizer =
            new JwtAuthorizer(key.publicKeys(), ISSUER, DemoClients.clientIds(), DemoClients.READ_SCOPE, Clock.systemUTC());

    @Test
    void theAuthorizerHandsOnEveryClaimAsAStringAndTheScopesAsAList() {
        Allowed allowed = allowed();

        assertThat(allowed.claims()).containsEntry("tenant_id", "acme").containsEntry("client_id", "acme-demo")
                .containsEntry("token_use", "access").containsEntry("version", "2")
                .containsEntry("scope", "invoice-groups/read tenant/acme").containsEntry("iss", ISSUER);
        assertThat(allowed.claims().get("exp")).matches("[0-9]{10}");
        assertThat(allowed.claims().get("iat")).matches("[0-9]{10}");
        assertThat(allowed.scopes()).containsExactly("invoice-groups/read", "tenant/acme");
    }

    @Test
    void queryParametersAreDecodedWithRepeatsJoinedByCommasAndTheRawQueryStringKept() {
        APIGatewayV2HTTPEvent event = event("pageSize=2&tag=x&tag=y%20z&sortOrder=asc");

        assertThat(event.getRawQueryString()).isEqualTo("pageSize=2&tag=x&tag=y%20z&sortOrder=asc");
        assertThat(event.getQueryStringParameters())
                .containsExactly(Map.entry("pageSize", "2"), Map.entry("tag", "x,y z"), Map.entry("sortOrder", "asc"));
        assertThat(event(null).getQueryStringParameters()).isNull();
        assertThat(event("").getRawQueryString()).isEmpty();
    }

    @Test
    void headersAreLowerCasedWithRepeatsJoinedByCommasAndCookiesSetApart() {
        APIGatewayV2HTTPEvent event = event("");

        assertThat(event.getHeaders()).containsEntry("authorization", "Bearer t")
                .containsEntry("x-forwarded-for", "203.0.113.10,10.0.0.1")
                .containsEntry("user-agent", "curl/8.5.0")
                .doesNotContainKey("cookie").doesNotContainKey("Authorization");
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
    }

    @Test
    void theRequestContextCarriesRouteRequestIdTimeHttpAndTheJwt() {
        APIGatewayV2HTTPEvent.RequestContext context = event("").getRequestContext();

        assertThat(context.getRouteKey()).isEqualTo("GET /invoice_groups");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getRequestId()).isEqualTo("Cj1aBgXYIAMEVxQ=");
        assertThat(context.getTime()).isEqualTo("24/Nov/2026:17:30:00 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(Instant.parse("2026-11-24T17:30:00Z").toEpochMilli());
        assertThat(context.getHttp().getMethod()).isEqualTo("GET");
        assertThat(context.getHttp().getPath()).isEqualTo("/invoice_groups");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("curl/8.5.0");
        assertThat(context.getAuthorizer().getJwt().getClaims()).containsEntry("tenant_id", "acme");
        assertThat(context.getAuthorizer().getJwt().getScopes()).contains("invoice-groups/read");
    }

    @Test
    void theEventSerialisesWithTheSamePropertiesAsTheSampleEventsFromApiGateway() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
                .toJson(event("pageSize=2"), json);
        JsonNode built = RunningLocalApi.JSON.readTree(json.toString());
        JsonNode sample = RunningLocalApi.JSON.readTree(Files.readString(Path.of("../events/first-page.json")));

        assertThat(built.propertyNames()).containsAll(sample.propertyNames());
        assertThat(built.get("requestContext").propertyNames())
                .containsAll(sample.get("requestContext").propertyNames());
        assertThat(built.get("requestContext").get("http").propertyNames())
                .containsAll(sample.get("requestContext").get("http").propertyNames());
        assertThat(built.get("requestContext").get("authorizer").get("jwt").get("claims").propertyNames())
                .containsAll(sample.get("requestContext").get("authorizer").get("jwt").get("claims").propertyNames());
    }

    private Allowed allowed() {
        String token = new TokenIssuer(key, ISSUER, "tenant_id", Clock.systemUTC()).accessToken(DemoClients.ACME,
                List.of("invoice-groups/read", "tenant/acme"));
        AuthorizerDecision decision = authorizer.authorize("Bearer " + token);
        assertThat(decision).isInstanceOf(Allowed.class);
        return (Allowed) decision;
    }

    private APIGatewayV2HTTPEvent event(String rawQueryString) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Authorization", List.of("Bearer t"));
        headers.put("X-forwarded-for", List.of("203.0.113.10", "10.0.0.1"));
        headers.put("User-agent", List.of("curl/8.5.0"));
        headers.put("Cookie", List.of("a=1; b=2"));
        LocalRequest request = new LocalRequest("GET", "/invoice_groups", rawQueryString, headers, "HTTP/1.1",
                "127.0.0.1", new byte[0]);
        return new HttpApiEvents().event("GET /invoice_groups", request, allowed(), "Cj1aBgXYIAMEVxQ=",
                Instant.parse("2026-11-24T17:30:00Z"));
    }
}
