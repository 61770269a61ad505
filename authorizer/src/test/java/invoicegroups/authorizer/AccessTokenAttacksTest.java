package invoicegroups.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attacks a verifier must refuse, each with the status API Gateway answers for the authorizer's outcome: a
 * token the authorizer cannot verify as an access token of the pool is 401 ({@code Unauthorized}), a verified one
 * without the read scope is 403 (Deny). The registry holds an active tenant for the client, so only the token
 * decides. Tokens are signed with real keys and the keys are fetched over real HTTP.
 */
class AccessTokenAttacksTest {

    private static AuthorizerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new AuthorizerFixture("registry-attacks");
        fixture.registry.activeTenant("acme", "clientacme");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void theGenuineTokenIsAllowed() {
        assertThat(fixture.call("Bearer " + genuine()).status()).isEqualTo(200);
    }

    @Test
    void algNoneIsUnauthorized() {
        JWTClaimsSet claims = fixture.tokens.accessToken("clientacme", "acme").build();
        String unsecured = new PlainJWT(claims).serialize();
        // The same, with a header that names RS256's key id: still no signature.
        String unsecuredWithKid = new PlainJWT(new PlainHeader.Builder().customParam("kid", fixture.tokens.key.getKeyID())
                .build(), claims).serialize();

        assertUnauthorized(unsecured);
        assertUnauthorized(unsecuredWithKid);
    }

    @Test
    void hs256SignedWithThePublicKeyIsUnauthorized() throws Exception {
        RSAKey publicKey = fixture.tokens.key.toPublicJWK();
        // The classic confusion: the public key's bytes (as the JWKS publishes them) as an HMAC secret.
        byte[] secret = publicKey.toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
                fixture.tokens.accessToken("clientacme", "acme").build());
        forged.sign(new MACSigner(secret));

        assertUnauthorized(forged.serialize());
    }

    @Test
    void anotherIssuerIsUnauthorized() {
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .issuer(fixture.jwks.issuer() + "/")));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme").issuer(null)));
    }

    @Test
    void anIdTokenIsUnauthorized() {
        Outcome outcome = fixture.call(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .claim("token_use", "id").audience("clientacme")));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.logLine()).contains("\"reason\":\"an ID token, not an access token\"");
    }

    @Test
    void aWrongOrMissingTokenUseIsUnauthorized() {
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme").claim("token_use", "refresh")));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme").claim("token_use", "ACCESS")));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme").claim("token_use", null)));
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .issueTime(Date.from(twoHoursAgo)).expirationTime(Date.from(twoHoursAgo.plusSeconds(3600)))));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .expirationTime(Date.from(Instant.now().minusSeconds(1)))));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme").expirationTime(null)));
    }

    @Test
    void aTokenNotYetValidOrIssuedInTheFutureIsUnauthorized() {
        Instant tenMinutesAhead = Instant.now().plusSeconds(600);
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .notBeforeTime(Date.from(tenMinutesAhead))));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .issueTime(Date.from(tenMinutesAhead))));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme").issueTime(null)));
    }

    @Test
    void aClockSkewOfSecondsIsTolerated() {
        Instant fewSecondsAhead = Instant.now().plusSeconds(20);
        assertThat(fixture.call(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .issueTime(Date.from(fewSecondsAhead)).notBeforeTime(Date.from(fewSecondsAhead)))).status())
                .isEqualTo(200);
    }

    @Test
    void aTokenWithoutAWellFormedClientIdIsUnauthorized() {
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme").claim("client_id", null)));
        // '#' would reach a tenant record's key: never a Cognito app client id.
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .claim("client_id", "tenant#acme")));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme").claim("client_id", 42)));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme").claim("client_id", "")));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .claim("client_id", "client acme")));
        assertUnauthorized(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .claim("client_id", "c".repeat(129))));
    }

    @Test
    void aValidTokenWithoutTheReadScopeIsForbidden() {
        Outcome outcome = fixture.call(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .claim("scope", "demo/unrelated invoice-groups/write")));

        assertThat(outcome.status()).isEqualTo(403);
        assertThat(outcome.logLine()).contains("\"decision\":\"Deny\"",
                "\"reason\":\"token without the scope invoice-groups/read\"", "\"clientId\":\"clientacme\"");
        assertThat(fixture.call(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .claim("scope", null))).status()).isEqualTo(403);
        assertThat(fixture.call(fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .claim("scope", "invoice-groups/READ"))).status()).isEqualTo(403);
    }

    @Test
    void aKeyIdNotInTheJwksIsUnauthorized() {
        // A real key of someone else's, with its own kid, and the pool's kid on a token signed by another key.
        RSAKey stranger = Tokens.newKey();
        assertUnauthorized(Tokens.signed(fixture.tokens.accessToken("clientacme", "acme"), stranger, stranger.getKeyID()));
        assertUnauthorized(Tokens.signed(fixture.tokens.accessToken("clientacme", "acme"), stranger,
                fixture.tokens.key.getKeyID()));
    }

    @Test
    void aOneMegabyteTokenIsRefusedCheaplyWithoutFetchingKeys() {
        String genuine = genuine();
        String[] parts = genuine.split("\\.");
        String huge = parts[0] + "." + "A".repeat(1 << 20) + "." + parts[2];
        int fetchesBefore = fixture.jwks.fetches();

        long started = System.nanoTime();
        Outcome outcome = fixture.call("Bearer " + huge);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.logLine()).contains("\"reason\":\"token longer than 8192 characters\"");
        assertThat(fixture.jwks.fetches()).isEqualTo(fetchesBefore);
        assertThat(took).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void aMalformedHeaderIsUnauthorized() {
        String[] parts = genuine().split("\\.");
        String notJson = Base64URL.encode("not json").toString();
        String truncatedJson = Base64URL.encode("{\"alg\":\"RS256\",\"kid\":").toString();
        String noAlg = Base64URL.encode("{\"kid\":\"" + fixture.tokens.key.getKeyID() + "\"}").toString();

        assertUnauthorized(notJson + "." + parts[1] + "." + parts[2]);
        assertUnauthorized(truncatedJson + "." + parts[1] + "." + parts[2]);
        assertUnauthorized(noAlg + "." + parts[1] + "." + parts[2]);
        assertUnauthorized("%%%." + parts[1] + "." + parts[2]);
    }

    @Test
    void whatIsNotAJwtAtAllIsUnauthorized() {
        String genuine = genuine();
        assertUnauthorized(null);
        assertUnauthorized("");
        assertUnauthorized("Bearer ");
        assertUnauthorized("not-a-jwt");
        assertUnauthorized("a.b.c");
        assertUnauthorized("Basic Y2xpZW50OnNlY3JldA==");
        assertUnauthorized(genuine.substring(0, genuine.lastIndexOf('.')));
        assertUnauthorized(genuine + ".extra");
    }

    @Test
    void claimsOfTheWrongTypeAreUnauthorizedEvenWhenSigned() throws Exception {
        for (String claims : new String[] {
                "{\"exp\":\"tomorrow\"}", "{\"iat\":[1]}", "{\"iss\":42}", "{\"token_use\":{\"a\":1}}", "[]", "\"x\""}) {
            com.nimbusds.jose.JWSObject odd = new com.nimbusds.jose.JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(fixture.tokens.key.getKeyID()).build(), merged(claims));
            odd.sign(new com.nimbusds.jose.crypto.RSASSASigner(fixture.tokens.key));
            assertUnauthorized(odd.serialize());
        }
    }

    /** A genuine token's claims with {@code overrides} on top; not an object: the payload as it is. */
    private static com.nimbusds.jose.Payload merged(String overrides) {
        if (!overrides.startsWith("{")) {
            return new com.nimbusds.jose.Payload(overrides);
        }
        java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>(
                fixture.tokens.accessToken("clientacme", "acme").build().toJSONObject());
        try {
            claims.putAll(com.nimbusds.jose.util.JSONObjectUtils.parse(overrides));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        return new com.nimbusds.jose.Payload(claims);
    }

    @Test
    void aTamperedPayloadIsUnauthorized() {
        String[] parts = genuine().split("\\.");
        String globex = fixture.tokens.accessToken("clientacme", "globex").build().toPayload().toBase64URL().toString();

        assertUnauthorized(parts[0] + "." + globex + "." + parts[2]);
    }

    @Test
    void aJwtTypedOtherwiseIsUnauthorized() throws Exception {
        SignedJWT typed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(fixture.tokens.key.getKeyID())
                .type(new JOSEObjectType("at+jwt+other")).build(), fixture.tokens.accessToken("clientacme", "acme").build());
        typed.sign(new com.nimbusds.jose.crypto.RSASSASigner(fixture.tokens.key));

        assertUnauthorized(typed.serialize());
    }

    @Test
    void theTokenIsAcceptedWithOrWithoutTheBearerScheme() {
        String token = genuine();

        assertThat(fixture.call(token).status()).isEqualTo(200);
        assertThat(fixture.call("bearer " + token).status()).isEqualTo(200);
        assertThat(fixture.call("Bearer  " + token + " ").status()).isEqualTo(200);
    }

    @Test
    void theDecisionLogNeverHoldsTheToken() {
        String token = genuine();
        String[] parts = token.split("\\.");
        String expired = fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme")
                .expirationTime(Date.from(Instant.now().minusSeconds(5))));

        for (String each : new String[] {token, expired, parts[0] + ".x." + parts[2]}) {
            Outcome outcome = fixture.call("Bearer " + each);
            for (String part : each.split("\\.")) {
                if (part.length() > 4) {
                    assertThat(outcome.logLine()).doesNotContain(part);
                }
            }
        }
    }

    private static String genuine() {
        return fixture.tokens.signed(fixture.tokens.accessToken("clientacme", "acme"));
    }

    private static void assertUnauthorized(String authorization) {
        Outcome outcome = fixture.call(authorization);

        assertThat(outcome.status()).as("status for %s", authorization == null ? null
                : authorization.substring(0, Math.min(80, authorization.length()))).isEqualTo(401);
        assertThat(outcome.thrown()).isInstanceOf(UnauthorizedException.class).hasMessage("Unauthorized");
        assertThat(outcome.logLine()).startsWith("{\"message\":\"authorizer decision\",\"decision\":\"Unauthorized\"")
                .endsWith("\"clientId\":null,\"tenantId\":null}");
    }
}
