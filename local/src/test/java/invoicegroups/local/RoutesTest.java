package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import invoicegroups.local.control.DemoClients;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One API route; every other path or method is API Gateway's 404; the keys and the OpenAPI document beside it. */
class RoutesTest {

    private static RunningLocalApi local;
    private static String token;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start();
        token = local.token(DemoClients.ACME);
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /",
            "GET, /invoice_groups/",
            "GET, /invoice_groups/ig_acme_001",
            "GET, /INVOICE_GROUPS",
            "GET, /invoices",
            "POST, /invoice_groups",
            "PUT, /invoice_groups",
            "DELETE, /invoice_groups",
            "PATCH, /invoice_groups",
    })
    void anyOtherRouteOrMethodIsNotFoundEvenWithAValidToken(String method, String path) {
        HttpResponse<String> response = local.send(HttpRequest.newBuilder(local.uri(path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void otherRoutesAreNotFoundBeforeAnyTokenIsChecked() {
        assertThat(local.get("/invoice_groups/", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theJwksHoldsThePublicKeyThatVerifiesIssuedTokens() throws Exception {
        HttpResponse<String> response = local.get("/.well-known/jwks.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(response.body());
        SignedJWT issued = SignedJWT.parse(token);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(issued.getHeader().getKeyID());
        assertThat(key.isPrivate()).isFalse();
        assertThat(issued.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void theOpenApiDocumentIsServed() {
        HttpResponse<String> response = local.get("/openapi.yaml", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3").contains("/invoice_groups:");
    }
}
