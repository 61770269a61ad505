package invoicegroups.local.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signs access tokens shaped like Cognito's for the client-credentials grant. */
public final class TokenIssuer {

    private final SigningKey key;
    private final String issuer;
    private final Clock clock;

    public TokenIssuer(SigningKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * A signed access token with Cognito's client-credentials claims ({@code sub} and {@code client_id} the client,
     * {@code token_use}, {@code scope}, {@code auth_time}, {@code iss}, {@code exp}, {@code iat}, {@code version},
     * {@code jti}) plus those the pre-token-generation trigger added.
     */
    public String accessToken(String clientId, List<String> scopes, Map<String, Object> addedClaims, Duration validity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        addedClaims.forEach(claims::claim);
        claims.subject(clientId)
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", now.getEpochSecond())
                .issuer(issuer)
                .expirationTime(Date.from(now.plus(validity)))
                .issueTime(Date.from(now))
                .claim("version", 2)
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId);
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.privateKey().getKeyID()).build(), claims.build());
        try {
            token.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return token.serialize();
    }
}
