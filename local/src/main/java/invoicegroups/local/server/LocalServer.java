package invoicegroups.local.server;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import invoicegroups.local.StartupException;
import invoicegroups.local.cognito.CognitoApiException;
import invoicegroups.local.cognito.TokenEndpoint;
import invoicegroups.local.cognito.UserPoolApi;
import invoicegroups.local.gateway.RestApiFront;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server on localhost, bound to the loopback interface only: the API route, and beside it what Cognito and
 * DynamoDB serve in the deployed setup (the token endpoint, the signing keys, the user-pool-client API and the
 * DynamoDB API on {@code POST /}, told apart by {@code X-Amz-Target}), plus the OpenAPI document. Any other request
 * gets API Gateway's 404.
 */
public final class LocalServer implements AutoCloseable {

    public static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String OPENAPI_PATH = "/openapi.yaml";
    static final String OPENAPI_RESOURCE = "openapi.yaml";
    /** Enough for a laptop's benchmarks; more threads only queue on DynamoDB Local. */
    private static final int REQUEST_THREADS = 32;
    /** Seconds to let requests in flight finish when stopping. */
    private static final int STOP_DELAY_SECONDS = 1;

    /** What the server serves; built once everything behind it has started. */
    public record Services(RestApiFront api, TokenEndpoint tokens, UserPoolApi userPool, DynamoDbProxy dynamoDb,
            JWKSet keys) {
    }

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

    static {
        // The JDK's HttpServer writes a response's headers and body apart: without TCP_NODELAY every small answer
        // waits for the client's delayed ACK (about 40 ms), and bulk onboarding through the runner crawls. Read once,
        // when the JDK's server configuration loads, so it must be set before the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
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

    public void start(Services services, PrintStream accessLog) {
        byte[] jwks = services.keys().toString().getBytes(StandardCharsets.UTF_8);
        byte[] openApi = resource(OPENAPI_RESOURCE);
        Map<String, Route> routes = Map.of(
                RestApiFront.PATH, services.api()::handle,
                TokenEndpoint.PATH, services.tokens()::handle,
                JWKS_PATH, exchange -> document(exchange, services, "application/json", jwks),
                OPENAPI_PATH, exchange -> document(exchange, services, "application/yaml", openApi),
                "/", exchange -> awsApi(exchange, services));
        server.createContext("/", exchange -> {
            long started = System.nanoTime();
            int status = 500;
            try {
                status = routes.getOrDefault(exchange.getRequestURI().getRawPath(), services.api()::notFound)
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

    /** {@code POST /}: an AWS JSON API call, Cognito's or DynamoDB's by its {@code X-Amz-Target}. */
    private static int awsApi(HttpExchange exchange, Services services) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!exchange.getRequestMethod().equals("POST") || target == null) {
            return services.api().notFound(exchange);
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (target.startsWith(DynamoDbProxy.TARGET_PREFIX)) {
            return services.dynamoDb().forward(exchange, body);
        }
        int status;
        String response;
        if (target.startsWith(UserPoolApi.TARGET_PREFIX)) {
            try {
                response = services.userPool().call(target, body);
                status = 200;
            } catch (CognitoApiException e) {
                status = e.type().status();
                response = error(e.type().code(), e.getMessage());
            }
        } else {
            status = CognitoApiException.Type.UNKNOWN_OPERATION.status();
            response = error(CognitoApiException.Type.UNKNOWN_OPERATION.code(),
                    "this endpoint serves X-Amz-Target " + UserPoolApi.TARGET_PREFIX + "* and "
                            + DynamoDbProxy.TARGET_PREFIX + "*");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(UserPoolApi.CONTENT_TYPE));
        headers.put("x-amzn-RequestId", List.of(UUID.randomUUID().toString()));
        Replies.send(exchange, status, headers, response.getBytes(StandardCharsets.UTF_8));
        return status;
    }

    private static String error(String type, String message) {
        return "{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static int document(HttpExchange exchange, Services services, String contentType, byte[] content)
            throws IOException {
        String method = exchange.getRequestMethod();
        if (content.length == 0 || !(method.equals("GET") || method.equals("HEAD"))) {
            return services.api().notFound(exchange);
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
