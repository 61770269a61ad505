package invoicegroups.local.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.UUID;

/**
 * The token endpoint's RS256 key pair, made fresh at every start: tokens from an earlier run are not valid, as after
 * a key rotation in Cognito.
 */
public final class SigningKey {

    /** The size Cognito uses for its user pool keys. */
    private static final int RSA_BITS = 2048;

    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    public static SigningKey generate() {
        try {
            return new SigningKey(new RSAKeyGenerator(RSA_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key generator in this JVM", e);
        }
    }

    /** The private key, for signing (the token issuer, and tests that forge tokens). */
    public RSAKey privateKey() {
        return key;
    }

    /** The public half only, as {@code /.well-known/jwks.json} publishes it. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
