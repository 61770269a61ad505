package invoicegroups.local.gateway;

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
import invoicegroups.local.gateway.AuthorizerDecision.Allowed;
import invoicegroups.local.gateway.AuthorizerDecision.Refused;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * What a REST API's {@code COGNITO_USER_POOLS} authorizer with an OAuth scope on the method does before the
 * integration runs: reads the token from the Authorization header, checks its RS256 signature against the user pool's
 * keys, its issuer (the pool), {@code token_use} {@code access}, its expiry, and that its {@code scope} holds the
 * method's scope. Any app client of the pool is accepted: there is no audience or client list. Every refusal is
 * 401 "Unauthorized", a token without the scope included
 * (https://repost.aws/knowledge-center/api-gateway-cognito-401-unauthorized).
 */
public final class CognitoAuthorizer {

    /** How the REST authorizer hands on {@code exp} and {@code iat}: Java's {@code Date#toString} in UTC. */
    private static final DateTimeFormatter DATE_CLAIM =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Set<String> DATE_CLAIMS = Set.of("exp", "iat");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String requiredScope;

    /**
     * @param keys the user pool's public keys (what API Gateway fetches from the pool's JWKS)
     * @param issuer the pool's issuer, the only accepted {@code iss}
     * @param requiredScope the scope the method requires
     */
    public CognitoAuthorizer(JWKSet keys, String issuer, String requiredScope, Clock clock) {
        this.requiredScope = requiredScope;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier((claims, context) -> verify(claims, issuer, clock.instant()));
    }

    /** @param authorization the Authorization header, or {@code null} when the request had none */
    public AuthorizerDecision authorize(String authorization) {
        String token = bearerToken(authorization);
        if (token.isEmpty()) {
            return new Refused("no token");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            return new Refused("the token is not a well-formed JWT");
        } catch (BadJWSException e) {
            return new Refused("the token's signature is invalid");
        } catch (BadJOSEException e) {
            return new Refused(e instanceof BadJWTException ? e.getMessage() : "the token could not be verified");
        } catch (JOSEException e) {
            return new Refused("the token could not be verified");
        }
        if (!scopes(claims).contains(requiredScope)) {
            return new Refused("the token does not grant " + requiredScope);
        }
        return new Allowed(claimsAsStrings(claims));
    }

    /** The header's value, with or without a {@code Bearer} prefix. */
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

    private static void verify(JWTClaimsSet claims, String issuer, Instant now) throws BadJWTException {
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("the token's issuer is not the user pool");
        }
        if (!"access".equals(claims.getClaim("token_use"))) {
            throw new BadJWTException("the token is not an access token");
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

    /** Cognito puts scopes in {@code scope}, space separated. */
    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        return scope instanceof String string
                ? Arrays.stream(string.split(" ")).filter(s -> !s.isEmpty()).toList()
                : List.of();
    }

    /**
     * The REST authorizer hands every claim on as a string: {@code exp} and {@code iat} as dates
     * ({@code Thu May 04 03:50:06 UTC 2023}), other numbers as digits, lists as {@code [a b]}.
     */
    static Map<String, String> claimsAsStrings(JWTClaimsSet claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> strings.put(name, asString(name, value)));
        return strings;
    }

    private static String asString(String name, Object value) {
        if (value instanceof Date date) {
            return DATE_CLAIMS.contains(name)
                    ? DATE_CLAIM.format(date.toInstant())
                    : Long.toString(date.toInstant().getEpochSecond());
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
