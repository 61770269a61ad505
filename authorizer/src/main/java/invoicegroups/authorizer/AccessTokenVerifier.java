package invoicegroups.authorizer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies a Cognito access token as Cognito's developer guide says ("Verifying a JSON web token"): an RS256 signature
 * by a key of the user pool's JWKS, found by the header's {@code kid}; {@code iss} the pool; {@code token_use}
 * {@code access}; not expired, not before its {@code nbf}, not issued in the future; a {@code client_id}. Access
 * tokens carry no {@code aud}. The signature is checked before any claim is trusted.
 *
 * <p>Only RS256 is accepted, whatever the header says: {@code alg: none}, HS256 keyed with the public key and every
 * other algorithm are refused before a key is looked at (nimbus-jose-jwt's key selector for one algorithm).
 */
final class AccessTokenVerifier {

    /**
     * The longest token parsed; anything longer is refused before it is decoded. Cognito's client-credentials access
     * tokens are about 1 KB, and a REST API accepts at most 10,240 bytes of request line and headers together.
     */
    static final int MAX_TOKEN_CHARS = 8192;

    /** How far {@code nbf} and {@code iat} may lie ahead of this clock (Cognito's clock and Lambda's differ). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /**
     * A client id the registry can be asked about: 1 to 128 visible ASCII characters, never '#', so it can never be a
     * tenant record's key. Cognito's own ids are narrower (API reference, UserPoolClientType: {@code [\w+]+}, at most
     * 128); the local runner's demo clients also use '-', '.' and ':'.
     */
    static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E&&[^#]]{1,128}");

    private static final String BEARER = "bearer ";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String tenantClaim;
    private final Clock clock;

    /**
     * @param keys the user pool's signing keys ({@link JwksSources})
     * @param issuer the only accepted {@code iss}
     * @param tenantClaim the claim the token trigger writes the tenant into
     */
    AccessTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String tenantClaim, Clock clock) {
        this.issuer = issuer;
        this.tenantClaim = tenantClaim;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> verify(claims));
    }

    /**
     * @param authorizationToken the Authorization header as API Gateway passes it, with or without {@code Bearer }
     * @throws UnauthorizedException when it is not a well-formed, verifiable access token of the pool
     * @throws JwksUnavailableException when the pool's keys cannot be fetched (not the caller's fault: a 500)
     */
    VerifiedToken verify(String authorizationToken) {
        String token = bearerToken(authorizationToken);
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new UnauthorizedException("not a well-formed JWT");
        } catch (BadJWTException e) {
            throw new UnauthorizedException(e.getMessage());
        } catch (BadJOSEException e) {
            // Unsecured (alg none), another algorithm, no key with the token's kid, or a bad signature.
            throw new UnauthorizedException("signature not verifiable with the pool's RS256 keys");
        } catch (RateLimitReachedException e) {
            throw new UnauthorizedException("unknown key id (JWKS refresh rate-limited)");
        } catch (KeySourceException e) {
            throw new JwksUnavailableException(e);
        } catch (JOSEException e) {
            throw new UnauthorizedException("signature not verifiable with the pool's RS256 keys");
        }
        return new VerifiedToken((String) claims.getClaim("client_id"),
                claims.getClaim(tenantClaim) instanceof String tenant ? tenant : null, scopes(claims));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new UnauthorizedException("no token");
        }
        if (authorization.length() > MAX_TOKEN_CHARS + BEARER.length()) {
            // Refused before anything is decoded: a megabyte of base64 costs a length check, not a parse.
            throw new UnauthorizedException("token longer than " + MAX_TOKEN_CHARS + " characters");
        }
        String value = authorization.strip();
        // As the Cognito user-pool authorizer did: with or without the scheme, so callers keep sending what they sent.
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            value = value.substring(BEARER.length()).strip();
        }
        if (value.isEmpty()) {
            throw new UnauthorizedException("no token");
        }
        return value;
    }

    private void verify(JWTClaimsSet claims) throws BadJWTException {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("another issuer");
        }
        Object use = claims.getClaim("token_use");
        if (!"access".equals(use)) {
            throw new BadJWTException("id".equals(use) ? "an ID token, not an access token" : "token_use is not access");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !now.isBefore(expiry.toInstant())) {
            throw new BadJWTException("expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            throw new BadJWTException("not valid yet (nbf)");
        }
        Date issued = claims.getIssueTime();
        if (issued == null || now.plus(CLOCK_SKEW).isBefore(issued.toInstant())) {
            throw new BadJWTException("no iat, or issued in the future");
        }
        if (!(claims.getClaim("client_id") instanceof String clientId) || !CLIENT_ID.matcher(clientId).matches()) {
            throw new BadJWTException("no well-formed client_id");
        }
    }

    /** Cognito puts an access token's scopes in {@code scope}, space separated. */
    private static Set<String> scopes(JWTClaimsSet claims) {
        Set<String> scopes = new LinkedHashSet<>();
        if (claims.getClaim("scope") instanceof String scope) {
            for (String each : scope.split(" ")) {
                if (!each.isEmpty()) {
                    scopes.add(each);
                }
            }
        }
        return scopes;
    }
}
