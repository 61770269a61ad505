package invoicegroups.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool's keys come from its JWKS URL over HTTP, fetched on first use and cached; a key id not in the cache makes
 * one refresh (a key Cognito has just rotated in is accepted), and a stream of unknown key ids is rate-limited, not
 * forwarded to Cognito. A JWKS that cannot be fetched is a failure (500), not a 401 that would send a caller with a
 * good token after a new one.
 */
class PoolKeysTest {

    private AuthorizerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new AuthorizerFixture("registry-keys");
        fixture.registry.activeTenant("acme", "clientacme");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void nothingIsFetchedBeforeTheFirstTokenAndTheKeysAreFetchedOnceForManyTokens() {
        assertThat(fixture.jwks.fetches()).isZero();

        for (int i = 0; i < 20; i++) {
            assertThat(fixture.call(token(fixture.tokens)).status()).isEqualTo(200);
        }

        assertThat(fixture.jwks.fetches()).isEqualTo(1);
    }

    @Test
    void aKeyRotatedInAfterTheKeysWereCachedIsAcceptedAfterOneRefresh() {
        assertThat(fixture.call(token(fixture.tokens)).status()).isEqualTo(200);
        RSAKey rotated = Tokens.newKey();
        fixture.jwks.publish(new JWKSet(List.of(fixture.tokens.key.toPublicJWK(), rotated.toPublicJWK())));

        assertThat(fixture.call(token(new Tokens(rotated, fixture.jwks.issuer()))).status()).isEqualTo(200);
        assertThat(fixture.jwks.fetches()).isEqualTo(2);
        assertThat(fixture.call(token(new Tokens(rotated, fixture.jwks.issuer()))).status()).isEqualTo(200);
        assertThat(fixture.jwks.fetches()).isEqualTo(2);
    }

    @Test
    void aStreamOfUnknownKeyIdsIsRateLimitedNotForwardedToThePool() {
        assertThat(fixture.call(token(fixture.tokens)).status()).isEqualTo(200);

        RSAKey stranger = Tokens.newKey();
        for (int i = 0; i < 50; i++) {
            // A new made-up key id each time, on a token signed by a key nobody trusts.
            String forged = Tokens.signed(new Tokens(stranger, fixture.jwks.issuer()).accessToken("clientacme", "acme"),
                    stranger, "made-up-" + i);
            assertThat(fixture.call(forged).status()).isEqualTo(401);
        }

        // The first fetch, then at most two in the rate limiter's interval (nimbus-jose-jwt: two per interval).
        assertThat(fixture.jwks.fetches()).isBetween(2, 3);
        assertThat(fixture.call(token(fixture.tokens)).status()).as("the pool's own tokens still pass").isEqualTo(200);
    }

    @Test
    void aJwksAnsweringAnErrorIsAFailureNotAnUnauthorized() {
        fixture.jwks.failWith(503);

        Outcome outcome = fixture.call(token(fixture.tokens));

        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.thrown()).isInstanceOf(JwksUnavailableException.class);
        assertThat(outcome.logLine()).contains("\"decision\":\"Error\"", "\"reason\":\"the user pool's JWKS is unavailable\"");
    }

    @Test
    void anUnreachableJwksIsAFailureNotAnUnauthorized() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        String issuer = "http://127.0.0.1:" + closedPort + "/pool";
        Map<String, String> environment = new java.util.HashMap<>(fixture.environment());
        environment.put("JWT_ISSUER", issuer);

        Outcome outcome = fixture.call(fixture.newAuthorizer(environment), token(new Tokens(fixture.tokens.key, issuer)));

        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.thrown()).isInstanceOf(JwksUnavailableException.class);
    }

    private static String token(Tokens tokens) {
        return tokens.signed(tokens.accessToken("clientacme", "acme"));
    }
}
