package invoicegroups.local;

import invoicegroups.local.control.SigningKey;
import invoicegroups.local.entity.DemoClient;
import invoicegroups.local.entity.Options;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The runner started in this JVM on a free port, with a signing key the tests know, and an HTTP client for it. */
final class RunningLocalApi implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    final SigningKey key = SigningKey.generate();
    final LocalApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningLocalApi(Options options) {
        this.api = LocalApi.start(options, key, QUIET);
    }

    /** In memory, the bundled sample data, a free port. */
    static RunningLocalApi start() {
        return start(Options.defaults().withPort(0));
    }

    static RunningLocalApi start(Options options) {
        return new RunningLocalApi(options);
    }

    URI uri(String pathAndQuery) {
        return URI.create(api.baseUri() + pathAndQuery);
    }

    String issuer() {
        return api.baseUri().toString();
    }

    /** A token with all the client's scopes, from the token endpoint over HTTP, the way the README's curl gets one. */
    String token(DemoClient client) {
        return token(client, null);
    }

    /** @param scope the scope parameter, space separated, or {@code null} to leave it out */
    String token(DemoClient client, String scope) {
        HttpResponse<String> response = requestToken(basic(client.clientId(), client.clientSecret()),
                "grant_type=client_credentials"
                        + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").stringValue();
    }

    HttpResponse<String> requestToken(String authorization, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code GET} with {@code Authorization: Bearer <token>}, or no Authorization header when token is null. */
    HttpResponse<String> get(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        api.close();
    }
}
