package invoicegroups.local.boundary;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import invoicegroups.local.control.ClientCredentialsGrant;
import invoicegroups.local.control.HttpApiEvents;
import invoicegroups.local.control.JwtAuthorizer;
import invoicegroups.local.control.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server on localhost, bound to the loopback interface only: the API route, and beside it what Cognito
 * serves in the deployed setup (the token endpoint and the signing keys), plus the OpenAPI document.
 * Any other path gets API Gateway's 404.
 */
public final class LocalServer implements AutoCloseable {

    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String OPENAPI_PATH = "/openapi.yaml";
    static final String OPENAPI_RESOURCE = "openapi.yaml";
    /** Enough for a laptop's benchmarks; more threads only queue on DynamoDB Local. */
    private static final int REQUEST_THREADS = 32;
    /** Seconds to let requests in flight finish when stopping. */
    private static final int STOP_DELAY_SECONDS = 1;

    /** One route: answers the exchange and says which status it sent. */
    private interface Route {
        int handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService requests;

    private LocalServer(HttpServer server) {
        this.server = server;
        AtomicInteger threads = new AtomicInteger();
        this.requests = Executors.newFixedThreadPool(REQUEST_THREADS, task -> {
            Thread thread = new Thread(task, "local-api-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes the port now, so a busy port fails before DynamoDB Local starts. */
    public static LocalServer bind(int port) {
        try {
            return new LocalServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
        } catch (BindException e) {
            throw StartupException.failure("port " + port + " is already in use: stop what is using it, or pick another with --port");
        } catch (IOException e) {
            throw StartupException.failure("cannot listen on port " + port + ": " + e.getMessage());
        }
    }

    /** {@code http://localhost:<port>}: the issuer of the tokens and the base of every URL printed. */
    public URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public void start(JwtAuthorizer authorizer, ClientCredentialsGrant grant, JWKSet keys,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, PrintStream accessLog) {
        HttpApiFront api = new HttpApiFront(authorizer, new HttpApiEvents(), handler, Clock.systemUTC());
        TokenEndpoint tokens = new TokenEndpoint(grant);
        byte[] jwks = keys.toString().getBytes(StandardCharsets.UTF_8);
        byte[] openApi = resource(OPENAPI_RESOURCE);
        Map<String, Route> routes = Map.of(
                HttpApiFront.PATH, api::handle,
                TokenEndpoint.PATH, tokens::handle,
                JWKS_PATH, exchange -> document(exchange, "application/json", jwks),
                OPENAPI_PATH, exchange -> document(exchange, "application/yaml", openApi));
        server.createContext("/", exchange -> {
            long started = System.nanoTime();
            int status = 500;
            try {
                status = routes.getOrDefault(exchange.getRequestURI().getRawPath(), LocalServer::notFound)
                        .handle(exchange);
            } catch (RuntimeException | IOException e) {
                e.printStackTrace();
                Replies.json(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            } finally {
                accessLog.printf("%s %s %d %d ms%n", exchange.getRequestMethod(), exchange.getRequestURI(), status,
                        (System.nanoTime() - started) / 1_000_000);
            }
        });
        server.setExecutor(requests);
        server.start();
    }

    @Override
    public void close() {
        server.stop(STOP_DELAY_SECONDS);
        requests.shutdownNow();
    }

    private static int notFound(HttpExchange exchange) throws IOException {
        Replies.notFound(exchange);
        return 404;
    }

    private static int document(HttpExchange exchange, String contentType, byte[] content) throws IOException {
        String method = exchange.getRequestMethod();
        if (content.length == 0 || !(method.equals("GET") || method.equals("HEAD"))) {
            return notFound(exchange);
        }
        Replies.send(exchange, 200, Map.of("Content-Type", List.of(contentType)), content);
        return 200;
    }

    private static byte[] resource(String name) {
        try (InputStream in = LocalServer.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot be read", e);
        }
    }
}
