package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import invoicegroups.local.control.DemoClients;
import invoicegroups.local.control.TokenIssuer;
import invoicegroups.local.entity.DemoClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API Gateway's JWT authorizer, in front of the handler: 401 for a token it cannot trust, 403 without the scope. */
class JwtAuthorizerOverHttpTest {

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
    void noTokenIsUnauthorizedWithABearerChallenge() {
        HttpResponse<String> response = local.get("/invoice_groups", null);

        assertUnauthorized(response);
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
    }

    @Test
    void aMalformedTokenIsUnauthorized() {
        assertInvalidToken(local.get("/invoice_groups", "not-a-jwt"));
        assertInvalidToken(local.get("/invoice_groups", "a.b.c"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        String genuine = local.token(DemoClients.ACME);
        String kid = local.key.publicKeys().getKeys().get(0).getKeyID();
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                SignedJWT.parse(genuine).getJWTClaimsSet());
        forged.sign(new RSASSASigner(impostor));

        HttpResponse<String> response = local.get("/invoice_groups", forged.serialize());

        assertInvalidToken(response);
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow()).contains("signature is invalid");
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        String expired = new TokenIssuer(local.key, local.issuer(), "tenant_id", twoHoursAgo)
                .accessToken(DemoClients.ACME, List.of(DemoClients.READ_SCOPE));

        HttpResponse<String> response = local.get("/invoice_groups", expired);

        assertInvalidToken(response);
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow()).contains("expired");
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() {
        String foreign = new TokenIssuer(local.key, "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other",
                "tenant_id", Clock.systemUTC()).accessToken(DemoClients.ACME, List.of(DemoClients.READ_SCOPE));

        assertInvalidToken(local.get("/invoice_groups", foreign));
    }

    @Test
    void aTokenForAnUnknownClientIsUnauthorized() {
        DemoClient stranger = new DemoClient("stranger", "secret", "acme", List.of(DemoClients.READ_SCOPE));
        String token = new TokenIssuer(local.key, local.issuer(), "tenant_id", Clock.systemUTC())
                .accessToken(stranger, List.of(DemoClients.READ_SCOPE));

        assertInvalidToken(local.get("/invoice_groups", token));
    }

    @Test
    void aValidTokenWithoutTheReadScopeIsForbidden() {
        String token = local.token(DemoClients.ACME_WITHOUT_READ);

        HttpResponse<String> response = local.get("/invoice_groups", token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                .contains("insufficient_scope").contains(DemoClients.READ_SCOPE);
    }

    @Test
    void aClientThatLeavesTheReadScopeOutOfItsRequestIsForbidden() {
        String token = local.token(DemoClients.ACME, "tenant/acme");

        assertThat(local.get("/invoice_groups", token).statusCode()).isEqualTo(403);
    }

    @Test
    void aTrustedTokenWithoutTheTenantClaimPassesTheAuthorizerAndTheHandlerAnswersForbidden() {
        String noTenant = new TokenIssuer(local.key, local.issuer(), "tenant_id", Clock.systemUTC())
                .accessToken(DemoClients.ACME, List.of(DemoClients.READ_SCOPE));

        HttpResponse<String> response = local.get("/invoice_groups", noTenant);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        // The handler's 403, not the authorizer's: API Gateway's would carry a challenge.
        assertThat(response.headers().firstValue("www-authenticate")).isEmpty();
    }

    @Test
    void theTokenIsAcceptedWithOrWithoutTheBearerPrefix() {
        String token = local.token(DemoClients.ACME);

        HttpResponse<String> response = local.send(HttpRequest.newBuilder(local.uri("/invoice_groups"))
                .header("Authorization", token).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertUnauthorized(response);
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                .startsWith("Bearer").contains("error=\"invalid_token\"");
    }
}
