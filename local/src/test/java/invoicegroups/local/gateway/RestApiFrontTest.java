package invoicegroups.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import invoicegroups.local.Options;
import invoicegroups.local.RunningLocalApi;
import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.cognito.TokenIssuer;
import invoicegroups.table.ResourceServer;
import invoicegroups.table.TenantRegistryTable;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The front as the stack's REST API answers with its Lambda authorizer: 401 for any token the authorizer cannot
 * verify (no token, a bad one, an expired one, another issuer's, an ID token), 403 for a verified token it denies
 * (without the read scope, without a tenant, of a client or tenant the registry does not allow), API Gateway's 404 for
 * any other route or method, the handler's answers otherwise; every answer with a REST API's request ids.
 */
class RestApiFrontTest {

    private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
    private static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";
    private static RunningLocalApi local;
    private static String acmeToken;

    @BeforeAll
    static void start() {
        // Every request asks the authorizer (no result cache), so a change of the registry shows on the next one;
        // the cache has its own tests (AuthorizerCacheTest, RevocationTest).
        local = RunningLocalApi.start(Options.defaults().withPort(0).withRevocationSeconds(0));
        acmeToken = local.token(DemoClients.ACME);
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void aDemoClientsTokenListsItsTenantsInvoiceGroupsWithTheRequestIds() {
        HttpResponse<String> response = local.get("/invoice_groups", acmeToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertRequestIds(response);
        assertThat(RunningLocalApi.json(response).get("data").get(0).get("id").stringValue()).isEqualTo("ig_acme_001");
    }

    @Test
    void noTokenIsUnauthorized() {
        assertUnauthorized(local.get("/invoice_groups", null));
        assertUnauthorized(local.send(HttpRequest.newBuilder(local.uri("/invoice_groups"))
                .header("Authorization", "Bearer ").GET().build()));
    }

    @Test
    void aMalformedTokenIsUnauthorized() {
        assertUnauthorized(local.get("/invoice_groups", "not-a-jwt"));
        assertUnauthorized(local.get("/invoice_groups", "a.b.c"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        String kid = local.key.publicKeys().getKeys().get(0).getKeyID();
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                SignedJWT.parse(acmeToken).getJWTClaimsSet());
        forged.sign(new RSASSASigner(impostor));

        assertUnauthorized(local.get("/invoice_groups", forged.serialize()));
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        String expired = new TokenIssuer(local.key, local.issuer(), twoHoursAgo).accessToken("acme-demo",
                List.of(ResourceServer.READ_SCOPE), Map.of("tenant_id", "acme"), Duration.ofHours(1));

        assertUnauthorized(local.get("/invoice_groups", expired));
    }

    @Test
    void aTokenNotYetValidOrIssuedInTheFutureIsUnauthorized() throws Exception {
        Instant now = Instant.now();
        assertUnauthorized(local.get("/invoice_groups", signed(claims().notBeforeTime(Date.from(now.plusSeconds(600))))));
        assertUnauthorized(local.get("/invoice_groups", signed(claims().issueTime(Date.from(now.plusSeconds(600))))));
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() {
        String foreign = new TokenIssuer(local.key, "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other",
                Clock.systemUTC()).accessToken("acme-demo", List.of(ResourceServer.READ_SCOPE),
                Map.of("tenant_id", "acme"), Duration.ofHours(1));

        assertUnauthorized(local.get("/invoice_groups", foreign));
    }

    @Test
    void anIdTokenIsUnauthorized() throws Exception {
        assertUnauthorized(local.get("/invoice_groups", signed(claims().claim("token_use", "id"))));
    }

    @Test
    void aValidTokenWithoutTheReadScopeIsForbidden() {
        String token = local.token(DemoClients.ACME_WITHOUT_READ);

        assertForbidden(local.get("/invoice_groups", token));
    }

    @Test
    void aClientOfThePoolThatTheRegistryDoesNotKnowIsForbidden() throws Exception {
        String stranger = signed(claims().claim("client_id", "aclientcreatedafterstart").subject("x"));

        assertForbidden(local.get("/invoice_groups", stranger));
    }

    @Test
    void aTrustedTokenWithoutTheTenantClaimIsForbidden() throws Exception {
        HttpResponse<String> response = local.get("/invoice_groups", signed(claims().claim("tenant_id", null)));

        assertForbidden(response);
    }

    @Test
    void aTokenClaimingAnotherTenantThanItsClientsRecordIsForbidden() throws Exception {
        assertForbidden(local.get("/invoice_groups", signed(claims().claim("tenant_id", "globex"))));
    }

    @Test
    void aSuspendedTenantsTokenIssuedBeforeIsForbiddenAndWorksAgainOnceResumed() {
        String globexToken = local.token(DemoClients.GLOBEX);
        local.setTenantStatus("globex", TenantRegistryTable.SUSPENDED);
        try {
            // Without the authorizer cache (--revocation-seconds 0) the next request sees the registry.
            assertForbidden(local.get("/invoice_groups", globexToken));
        } finally {
            local.setTenantStatus("globex", TenantRegistryTable.ACTIVE);
        }
        assertThat(local.get("/invoice_groups", globexToken).statusCode()).isEqualTo(200);
    }

    @Test
    void theTokenIsAcceptedWithOrWithoutTheBearerPrefix() {
        HttpResponse<String> response = local.send(HttpRequest.newBuilder(local.uri("/invoice_groups"))
                .header("Authorization", acmeToken).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /",
            "GET, /invoice_groups/ig_acme_001",
            "GET, /INVOICE_GROUPS",
            "GET, /invoices",
            "HEAD, /invoice_groups",
            "POST, /invoice_groups",
            "PUT, /invoice_groups",
            "DELETE, /invoice_groups",
            "PATCH, /invoice_groups",
            "POST, /",
    })
    void anyOtherRouteOrMethodIsNotFoundEvenWithAValidToken(String method, String path) {
        HttpResponse<String> response = local.send(HttpRequest.newBuilder(local.uri(path))
                .header("Authorization", "Bearer " + acmeToken)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(404);
        if (!method.equals("HEAD")) {
            assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        }
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertRequestIds(response);
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
        SignedJWT issued = SignedJWT.parse(acmeToken);
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

    /** An access token of the pool for tenant acme with the read scope, to be changed by a test. */
    private static JWTClaimsSet.Builder claims() throws Exception {
        return new JWTClaimsSet.Builder(SignedJWT.parse(acmeToken).getJWTClaimsSet());
    }

    private static String signed(JWTClaimsSet.Builder claims) throws Exception {
        RSAKey key = local.key.privateKey();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }


    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo(FORBIDDEN);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertRequestIds(response);
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertRequestIds(response);
    }

    private static void assertRequestIds(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("x-amzn-RequestId").orElseThrow())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.headers().firstValue("x-amz-apigw-id").orElseThrow()).hasSize(16);
    }
}
