package invoicegroups.authorizer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import invoicegroups.table.ResourceServer;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Real RS256 keys and access tokens shaped like Cognito's client-credentials tokens, signed with them. */
final class Tokens {

    final RSAKey key;
    final String issuer;

    Tokens(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** The claims of a fresh access token of {@code clientId} for {@code tenant}, with the read scope. */
    JWTClaimsSet.Builder accessToken(String clientId, String tenant) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(clientId)
                .claim("token_use", "access")
                .claim("scope", ResourceServer.READ_SCOPE)
                .claim("auth_time", now.getEpochSecond())
                .issuer(issuer)
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .issueTime(Date.from(now))
                .claim("version", 2)
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId)
                .claim("tenant_id", tenant);
    }

    String signed(JWTClaimsSet.Builder claims) {
        return signed(claims, key, key.getKeyID());
    }

    static String signed(JWTClaimsSet.Builder claims, RSAKey with, String keyId) {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims.build());
        try {
            token.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }
}
