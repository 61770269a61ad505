package invoicegroups.bench;

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
import com.sun.net.httpserver.HttpServer;
import invoicegroups.table.TenantClaim;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A user pool's issuer for the authorizer's benchmark, on loopback HTTP in the harness's JVM: an RS256 key, its JWKS
 * at {@code <issuer>/.well-known/jwks.json}, and access tokens shaped like Cognito's client-credentials tokens,
 * signed with it. Warmed up before the first measured JVM asks.
 */
final class PoolKeys implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;

    PoolKeys() throws IOException {
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pool/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 50; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/jwks.json")).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pool";
    }

    /** An access token of {@code clientId} for {@code tenant}, valid for an hour, with {@code scope}. */
    String accessToken(String clientId, String tenant, String scope) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(clientId)
                .claim("token_use", "access")
                .claim("scope", scope)
                .claim("auth_time", now.getEpochSecond())
                .issuer(issuer())
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .issueTime(Date.from(now))
                .claim("version", 2)
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId)
                .claim(TenantClaim.DEFAULT_NAME, tenant)
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
