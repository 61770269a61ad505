package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import invoicegroups.local.control.DemoClients;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /oauth2/token answers as Cognito's token endpoint does for the client-credentials grant. */
class TokenEndpointTest {

    private static final String ACME_BASIC = RunningLocalApi.basic("acme-demo", "acme-demo-secret");
    private static RunningLocalApi local;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void aDemoClientGetsABearerAccessTokenValidForAnHour() {
        HttpResponse<String> response =
                local.requestToken(ACME_BASIC, "grant_type=client_credentials&scope=invoice-groups%2Fread+tenant%2Facme");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        JsonNode body = RunningLocalApi.json(response);
        assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").intValue()).isEqualTo(3600);
        assertThat(body.get("access_token").stringValue()).isNotBlank();
    }

    @Test
    void theAccessTokenCarriesCognitosClaimsAndTheTenant() throws Exception {
        SignedJWT token = SignedJWT.parse(local.token(DemoClients.ACME, "invoice-groups/read tenant/acme"));
        JWTClaimsSet claims = token.getJWTClaimsSet();

        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(token.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getIssuer()).isEqualTo(local.issuer());
        assertThat(claims.getStringClaim("client_id")).isEqualTo("acme-demo");
        assertThat(claims.getSubject()).isEqualTo("acme-demo");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getStringClaim("scope")).isEqualTo("invoice-groups/read tenant/acme");
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo("acme");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
        assertThat(claims.getAudience()).isEmpty();
    }

    @Test
    void withoutAScopeParameterTheClientGetsAllItsAllowedScopes() throws Exception {
        SignedJWT token = SignedJWT.parse(local.token(DemoClients.GLOBEX));

        assertThat(token.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("invoice-groups/read tenant/globex");
        assertThat(token.getJWTClaimsSet().getStringClaim("tenant_id")).isEqualTo("globex");
    }

    @Test
    void askingForTheReadScopeWithoutTheTenantScopeGetsNoTokenAsTheDeployedTriggerRefusesIt() {
        HttpResponse<String> response =
                local.requestToken(ACME_BASIC, "grant_type=client_credentials&scope=invoice-groups%2Fread");

        assertError(response, 400, "invalid_request");
        assertThat(RunningLocalApi.json(response).get("error_description").stringValue())
                .contains("leave scope out").contains("tenant/acme");
    }

    @Test
    void noClientAuthenticationIsInvalidClient() {
        assertError(local.requestToken(null, "grant_type=client_credentials"), 401, "invalid_client");
    }

    @Test
    void aWrongSecretIsInvalidClient() {
        assertError(local.requestToken(RunningLocalApi.basic("acme-demo", "guess"), "grant_type=client_credentials"),
                401, "invalid_client");
    }

    @Test
    void anUnknownClientIsInvalidClient() {
        assertError(local.requestToken(RunningLocalApi.basic("nobody", "x"), "grant_type=client_credentials"),
                401, "invalid_client");
    }

    @Test
    void clientCredentialsInTheBodyInsteadOfBasicAuthAreInvalidClient() {
        assertError(local.requestToken(null,
                        "grant_type=client_credentials&client_id=acme-demo&client_secret=acme-demo-secret"),
                401, "invalid_client");
    }

    @Test
    void aMissingGrantTypeIsInvalidRequest() {
        assertError(local.requestToken(ACME_BASIC, "scope=invoice-groups%2Fread"), 400, "invalid_request");
    }

    @Test
    void anyGrantButClientCredentialsIsUnsupportedGrantType() {
        assertError(local.requestToken(ACME_BASIC, "grant_type=password&username=a&password=b"),
                400, "unsupported_grant_type");
    }

    @Test
    void aScopeTheClientMayNotHaveIsInvalidScope() {
        assertError(local.requestToken(RunningLocalApi.basic("acme-no-read", "acme-no-read-secret"),
                "grant_type=client_credentials&scope=invoice-groups%2Fread"), 400, "invalid_scope");
        assertError(local.requestToken(ACME_BASIC, "grant_type=client_credentials&scope=tenant%2Fglobex"),
                400, "invalid_scope");
    }

    @Test
    void aBodyThatIsNotAFormIsInvalidRequest() {
        HttpResponse<String> response = local.send(HttpRequest.newBuilder(local.uri("/oauth2/token"))
                .header("Authorization", ACME_BASIC)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))
                .build());

        assertError(response, 400, "invalid_request");
    }

    @Test
    void onlyPostIsAllowed() {
        HttpResponse<String> response = local.get("/oauth2/token", null);

        assertError(response, 405, "invalid_request");
        assertThat(response.headers().firstValue("allow")).hasValue("POST");
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(RunningLocalApi.json(response).get("error").stringValue()).isEqualTo(error);
        assertThat(response.body()).doesNotContain("access_token");
    }
}
