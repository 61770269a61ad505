package invoicegroups.authorizer;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A user pool's issuer on loopback HTTP: {@code GET <issuer>/.well-known/jwks.json} answers the current key set, as
 * Cognito publishes its pool's public keys. Counts the fetches; the key set can change (a rotation) or the endpoint
 * can fail (an outage).
 */
final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<JWKSet> keys;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile int failWithStatus;

    private JwksServer(HttpServer server, JWKSet keys) {
        this.server = server;
        this.keys = new AtomicReference<>(keys);
    }

    static JwksServer serving(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            JwksServer jwks = new JwksServer(server, keys);
            server.createContext("/pool" + AuthorizerConfiguration.JWKS_PATH, exchange -> {
                jwks.fetches.incrementAndGet();
                int status = jwks.failWithStatus == 0 ? 200 : jwks.failWithStatus;
                byte[] body = (status == 200 ? jwks.keys.get().toString() : "{\"message\":\"unavailable\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return jwks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer whose JWKS this serves ({@code http://127.0.0.1:<port>/pool}). */
    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pool";
    }

    URI jwksUri() {
        return URI.create(issuer() + AuthorizerConfiguration.JWKS_PATH);
    }

    int fetches() {
        return fetches.get();
    }

    void publish(JWKSet newKeys) {
        keys.set(newKeys);
    }

    /** @param status 0 to serve again, else the status every fetch gets */
    void failWith(int status) {
        failWithStatus = status;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
