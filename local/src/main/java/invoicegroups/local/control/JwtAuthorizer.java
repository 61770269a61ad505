package invoicegroups.local.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import invoicegroups.local.entity.AuthorizerDecision;
import invoicegroups.local.entity.AuthorizerDecision.Allowed;
import invoicegroups.local.entity.AuthorizerDecision.Refused;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What API Gateway's JWT authorizer does before the route's integration runs: reads the bearer token from the
 * Authorization header, checks its RS256 signature against the issuer's keys, its {@code exp}, {@code nbf},
 * {@code iat}, {@code iss}, and {@code aud} (or, for Cognito access tokens, {@code client_id}), then the route's
 * scope.
 */
public final class JwtAuthorizer {

    private static final Refused NO_TOKEN = new Refused(401, "Unauthorized", "Bearer");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String requiredScope;

    /**
     * @param keys the issuer's public keys (what API Gateway fetches from the JWKS URL)
     * @param issuer the only accepted {@code iss}
     * @param audience the accepted {@code aud} values, or {@code client_id} values when a token has no {@code aud}
     * @param requiredScope the scope the route requires
     */
    public JwtAuthorizer(JWKSet keys, String issuer, Collection<String> audience, String requiredScope, Clock clock) {
        this.requiredScope = requiredScope;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        Set<String> audiences = Set.copyOf(audience);
        processor.setJWTClaimsSetVerifier((claims, context) -> verify(claims, issuer, audiences, clock.instant()));
    }

    /** @param authorization the Authorization header, or {@code null} when the request had none */
    public AuthorizerDecision authorize(String authorization) {
        String token = bearerToken(authorization);
        if (token.isEmpty()) {
            return NO_TOKEN;
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            return invalidToken("the token is not a well-formed JWT");
        } catch (BadJWSException e) {
            return invalidToken("signature is invalid");
        } catch (BadJOSEException e) {
            return invalidToken(e instanceof BadJWTException ? e.getMessage() : "the token could not be verified");
        } catch (JOSEException e) {
            return invalidToken("the token could not be verified");
        }
        List<String> scopes = scopes(claims);
        if (!scopes.contains(requiredScope)) {
            return new Refused(403, "Forbidden", "Bearer scope=\"" + requiredScope
                    + "\" error=\"insufficient_scope\" error_description=\"the token does not grant the required scope\"");
        }
        return new Allowed(claimsAsStrings(claims), scopes);
    }

    /** API Gateway takes the header with or without the {@code Bearer} prefix. */
    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return "";
        }
        String value = authorization.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            value = value.substring("bearer ".length()).strip();
        }
        return value;
    }

    private static void verify(JWTClaimsSet claims, String issuer, Set<String> audience, Instant now)
            throws BadJWTException {
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("the token's issuer is not accepted");
        }
        List<String> aud = claims.getAudience();
        boolean forThisApi = aud.isEmpty()
                ? audience.contains(stringClaim(claims, "client_id"))
                : aud.stream().anyMatch(audience::contains);
        if (!forThisApi) {
            throw new BadJWTException("the token's audience is not accepted");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !now.isBefore(expiry.toInstant())) {
            throw new BadJWTException("the token has expired");
        }
        if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
            throw new BadJWTException("the token is not valid yet");
        }
        if (claims.getIssueTime() != null && now.isBefore(claims.getIssueTime().toInstant())) {
            throw new BadJWTException("the token was issued in the future");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String string ? string : null;
    }

    /** Cognito puts scopes in {@code scope}, space separated; other issuers use {@code scp}. */
    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        if (scope instanceof String string) {
            return Arrays.stream(string.split(" ")).filter(s -> !s.isEmpty()).toList();
        }
        if (scope instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** API Gateway hands every claim on as a string: numbers and dates as digits, arrays as {@code [a b]}. */
    private static Map<String, String> claimsAsStrings(JWTClaimsSet claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> strings.put(name, asString(value)));
        return strings;
    }

    private static String asString(Object value) {
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(JwtAuthorizer::asString).collect(Collectors.joining(" ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static Refused invalidToken(String description) {
        return new Refused(401, "Unauthorized",
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"");
    }
}
