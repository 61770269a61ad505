package invoicegroups.local.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import invoicegroups.local.entity.DemoClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs access tokens shaped like Cognito's for the client-credentials grant, plus the tenant claim. */
public final class TokenIssuer {

    /** Cognito's default access token validity. */
    public static final Duration VALIDITY = Duration.ofHours(1);

    private final SigningKey key;
    private final String issuer;
    private final String tenantClaim;
    private final Clock clock;

    public TokenIssuer(SigningKey key, String issuer, String tenantClaim, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.tenantClaim = tenantClaim;
        this.clock = clock;
    }

    /**
     * A signed access token for {@code client}, granting {@code scopes}, with the tenant claim of the granted
     * {@code tenant/<id>} scope (none without one).
     */
    public String accessToken(DemoClient client, List<String> scopes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(client.clientId())
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", now.getEpochSecond())
                .issuer(issuer)
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .issueTime(Date.from(now))
                .claim("version", 2)
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", client.clientId());
        // Deployed, Cognito's pre-token-generation trigger adds this claim from the granted tenant scope.
        DemoClients.tenantOf(scopes).ifPresent(tenant -> claims.claim(tenantClaim, tenant));
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
