package invoicegroups.authorizer;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/**
 * The user pool's signing keys, fetched from its JWKS URL on first use and cached. A token whose {@code kid} is not
 * in the cached set makes the cache refresh once (a key Cognito has just rotated in), rate-limited, so a stream of
 * tokens with made-up key ids cannot turn into a stream of requests to Cognito.
 *
 * <p>No refresh-ahead thread and no retry: a Lambda environment is frozen between invocations, and the whole
 * authorizer must answer well inside API Gateway's wait (see {@link RegistryClients}).
 */
final class JwksSources {

    /** How long a fetched key set is used before it is fetched again (nimbus-jose-jwt's default). */
    static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);
    /** How long a request waits for a fetch another request started. */
    static final Duration CACHE_REFRESH_TIMEOUT = Duration.ofSeconds(2);
    /** At most two fetches in this interval, however many unknown key ids arrive (nimbus-jose-jwt's default). */
    static final Duration RATE_LIMIT_INTERVAL = Duration.ofSeconds(30);
    /** Connect and read budget of one fetch; Cognito's JWKS is about 1 KB. */
    static final Duration HTTP_TIMEOUT = Duration.ofMillis(1000);
    /** The largest JWKS read (nimbus-jose-jwt's default, 50 KiB). */
    static final int SIZE_LIMIT_BYTES = 51_200;

    private JwksSources() {
    }

    static JWKSource<SecurityContext> of(URI jwksUri) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), new DefaultResourceRetriever(
                            (int) HTTP_TIMEOUT.toMillis(), (int) HTTP_TIMEOUT.toMillis(), SIZE_LIMIT_BYTES))
                    .cache(CACHE_TIME_TO_LIVE.toMillis(), CACHE_REFRESH_TIMEOUT.toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(RATE_LIMIT_INTERVAL.toMillis())
                    .retrying(false)
                    .outageTolerant(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("not a JWKS URL: " + jwksUri, e);
        }
    }
}
