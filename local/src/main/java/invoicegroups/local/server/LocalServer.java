package invoicegroups.local.server;

import com.nimbusds.jose.jwk.JWKSet;
import invoicegroups.local.StartupException;
import invoicegroups.local.apigateway.ManagementApi;
import invoicegroups.local.cognito.CognitoApiException;
import invoicegroups.local.cognito.TokenEndpoint;
import invoicegroups.local.cognito.UserPoolApi;
import invoicegroups.local.gateway.RestApiFront;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server on localhost (Jetty), bound to the loopback interface unless {@code --host} says otherwise: the API
 * route, and beside it what Cognito and DynamoDB serve in the deployed setup (the token endpoint, the signing keys,
 * the user-pool-client API and the DynamoDB API on {@code POST /}, told apart by {@code X-Amz-Target}, and API
 * Gateway's API-key and usage-plan API under {@code /apikeys} and {@code /usageplans}), plus the OpenAPI document.
 * Any other request gets API Gateway's 404.
 *
 * <p>Every request is held to {@link Limits}: the head's size and time, the body's size per route (read without a
 * thread while it arrives, the excess never read), its time, and the memory all large bodies may hold at once. Every
 * answer, the server's own included, is JSON in the shape of the service the route stands in for ({@link ErrorShape}).
 */
public final class LocalServer implements AutoCloseable {

    public static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String OPENAPI_PATH = "/openapi.yaml";
    static final String OPENAPI_RESOURCE = "openapi.yaml";
    /** The token request is a form of a few hundred bytes: room for long ids, secrets and scopes, no more. */
    public static final int TOKEN_BODY_LIMIT = 16 * 1024;
    /** The one API method takes no body; API Gateway would take up to 10 MB, the runner refuses far sooner. */
    public static final int API_BODY_LIMIT = 64 * 1024;
    /** API Gateway's API-key and usage-plan calls are small JSON documents (a key, its tags). */
    public static final int APIGATEWAY_BODY_LIMIT = 64 * 1024;
    /** Cognito's user-pool-client calls are small JSON documents. */
    public static final int COGNITO_BODY_LIMIT = 256 * 1024;
    /** DynamoDB's own limit for a request (BatchWriteItem, TransactWriteItems), which DynamoDB Local also enforces. */
    public static final int DYNAMODB_BODY_LIMIT = 16 * 1024 * 1024;
    /** Longest request target written to the access log. */
    private static final int LOGGED_TARGET = 200;
    /** Milliseconds to let requests in flight finish when stopping. */
    private static final long STOP_TIMEOUT_MILLIS = 1_000;

    /** What the server serves; built once everything behind it has started. */
    public record Services(RestApiFront api, TokenEndpoint tokens, UserPoolApi userPool, DynamoDbProxy dynamoDb,
            ManagementApi apiGateway, JWKSet keys) {
    }

    private final Server server;
    private final ServerConnector connector;
    private final Limits limits;
    private final InetAddress host;
    private final ScheduledExecutorService timer;

    private LocalServer(Server server, ServerConnector connector, Limits limits, InetAddress host) {
        this.server = server;
        this.connector = connector;
        this.limits = limits;
        this.host = host;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "local-api-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes the port now, so a busy port fails before DynamoDB Local starts. */
    public static LocalServer bind(InetAddress host, int port, Limits limits) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
        threads.setName("local-api");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        // One acceptor and one selector: reading and writing never block a thread, so two cores need no more.
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host.getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        try {
            connector.open();
        } catch (IOException e) {
            // Jetty wraps the system's BindException: "Address already in use", or an address not of this machine.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof BindException && String.valueOf(cause.getMessage()).contains("in use")) {
                throw StartupException.failure("port " + port
                        + " is already in use: stop what is using it, or pick another with --port");
            }
            throw StartupException.failure("cannot listen on " + host.getHostAddress() + " port " + port + ": "
                    + cause.getMessage());
        }
        return new LocalServer(server, connector, limits, host);
    }

    /**
     * {@code http://localhost:<port>}, or the address asked for with {@code --host} when it is neither loopback nor
     * every interface: the issuer of the tokens and the base of every URL printed.
     */
    public URI baseUri() {
        int port = connector.getLocalPort();
        if (host.isLoopbackAddress() || host.isAnyLocalAddress()) {
            return URI.create("http://localhost:" + port);
        }
        String address = host.getHostAddress();
        return URI.create("http://" + (host instanceof Inet6Address ? "[" + address + "]" : address) + ":" + port);
    }

    public void start(Services services, PrintStream accessLog) {
        Routes routes = new Routes(services, resource(OPENAPI_RESOURCE));
        BodyReader bodies = new BodyReader(limits.bodyMemory(), timer, limits.bodyTimeout().toNanos());
        server.setHandler(new Dispatch(routes, bodies, accessLog));
        server.setErrorHandler(new JsonErrors(request -> routes.resolve(request).shape()));
        timer.scheduleWithFixedDelay(new HeaderDeadline(connector, limits.headerTimeout().toNanos()),
                HeaderDeadline.PERIOD_MILLIS, HeaderDeadline.PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        try {
            server.start();
        } catch (Exception e) {
            throw StartupException.failure("the HTTP server could not start: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway: nothing more to do with a server that will not stop cleanly
        }
    }

    /** Which route a request goes to, by path and, on {@code POST /}, by {@code X-Amz-Target}. */
    private static final class Routes {
        private final Route api;
        private final Route tokens;
        private final Route jwks;
        private final Route openApi;
        private final Route notFound;
        private final Route cognito;
        private final Route dynamoDb;
        private final Route apiGateway;
        private final Route unknownTarget;

        Routes(Services services, byte[] openApiDocument) {
            byte[] keys = services.keys().toString().getBytes(StandardCharsets.UTF_8);
            api = new Route("api", ErrorShape.API, API_BODY_LIMIT, true, services.api()::handle);
            tokens = new Route("token", ErrorShape.OAUTH, TOKEN_BODY_LIMIT, false, services.tokens()::handle);
            jwks = new Route("jwks", ErrorShape.API, API_BODY_LIMIT, true,
                    request -> document(request, services, "application/json", keys));
            openApi = new Route("openapi", ErrorShape.API, API_BODY_LIMIT, true,
                    request -> document(request, services, "application/yaml", openApiDocument));
            notFound = new Route("not found", ErrorShape.API, API_BODY_LIMIT, true, services.api()::notFound);
            cognito = new Route("cognito", ErrorShape.COGNITO, COGNITO_BODY_LIMIT, true,
                    request -> cognito(request, services));
            dynamoDb = new Route("dynamodb", ErrorShape.DYNAMODB, DYNAMODB_BODY_LIMIT, true,
                    services.dynamoDb()::forward);
            apiGateway = new Route("apigateway", ErrorShape.APIGATEWAY, APIGATEWAY_BODY_LIMIT, true,
                    services.apiGateway()::handle);
            unknownTarget = new Route("aws", ErrorShape.COGNITO, COGNITO_BODY_LIMIT, true, LocalServer::unknownTarget);
        }

        Route resolve(Request request) {
            String path = request.getHttpURI().getPath();
            if (path == null) {
                return notFound;
            }
            return switch (path) {
                case RestApiFront.PATH -> api;
                case TokenEndpoint.PATH -> tokens;
                case JWKS_PATH -> jwks;
                case OPENAPI_PATH -> openApi;
                case "/" -> awsApi(request);
                default -> ManagementApi.serves(path) ? apiGateway : notFound;
            };
        }

        private Route awsApi(Request request) {
            String target = request.getHeaders().get("X-Amz-Target");
            if (!request.getMethod().equals("POST") || target == null) {
                return notFound;
            }
            if (target.startsWith(DynamoDbProxy.TARGET_PREFIX)) {
                return dynamoDb;
            }
            return target.startsWith(UserPoolApi.TARGET_PREFIX) ? cognito : unknownTarget;
        }
    }

    /** Reads the body within the route's limits, then runs the route on a pool thread and writes its reply. */
    private final class Dispatch extends Handler.Abstract {
        private final Routes routes;
        private final BodyReader bodies;
        private final PrintStream accessLog;

        Dispatch(Routes routes, BodyReader bodies, PrintStream accessLog) {
            this.routes = routes;
            this.bodies = bodies;
            this.accessLog = accessLog;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long started = System.nanoTime();
            Route route = routes.resolve(request);
            Exchange exchange = new Exchange(request, response, callback, route, started, accessLog);
            if (host.isLoopbackAddress() && !loopbackName(request.getHttpURI().getHost())) {
                exchange.refuse(Refusal.FOREIGN_HOST, "this server answers requests for localhost only");
                return true;
            }
            if (request.getHeaders().size() > limits.maxHeaderFields()) {
                exchange.refuse(Refusal.TOO_MANY_HEADERS, "more than " + limits.maxHeaderFields() + " header fields");
                return true;
            }
            if (request.getLength() > route.maxBody()) {
                exchange.refuse(Refusal.TOO_LARGE, tooLarge(route));
                return true;
            }
            bodies.read(request, route, (outcome, held) -> {
                switch (outcome) {
                    case READ -> exchange.answer(held);
                    case TOO_LARGE -> exchange.refuse(Refusal.TOO_LARGE, tooLarge(route));
                    case TIMEOUT -> exchange.refuse(Refusal.TIMEOUT, "the body did not arrive within "
                            + limits.bodyTimeout().toSeconds() + " s");
                    case THROTTLED -> exchange.refuse(Refusal.THROTTLED,
                            "too many large requests at once: try again");
                    case FAILED -> exchange.refuse(Refusal.BAD_REQUEST, "the body cannot be read");
                }
            });
            return true;
        }

        private static String tooLarge(Route route) {
            return "the body is over the " + route.maxBody() + " bytes this endpoint takes";
        }
    }

    /** One request on its way through: the route's reply, or the server's refusal, written once. */
    private static final class Exchange {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Route route;
        private final long started;
        private final PrintStream accessLog;

        Exchange(Request request, Response response, Callback callback, Route route, long started,
                PrintStream accessLog) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.route = route;
            this.started = started;
            this.accessLog = accessLog;
        }

        void answer(BodyReader.Held held) {
            HttpRequest ours = new HttpRequest(request.getMethod(), request.getHttpURI().getPath(),
                    request.getHttpURI().getQuery() == null ? "" : request.getHttpURI().getQuery(), headers(request),
                    request.getConnectionMetaData().getProtocol(), Request.getRemoteAddr(request), held.body());
            HttpReply reply;
            try {
                reply = route.handler().apply(ours);
            } catch (RuntimeException e) {
                // A fault of the runner's own: the one case for a 5xx, and for a stack trace.
                e.printStackTrace();
                reply = route.shape().refuse(Refusal.INTERNAL, "the local runner failed: see its console");
            } finally {
                held.release();
            }
            write(reply, false);
        }

        void refuse(Refusal refusal, String description) {
            // The rest of the request is left unread: the connection cannot carry another request.
            write(route.shape().refuse(refusal, description), true);
        }

        private void write(HttpReply reply, boolean close) {
            response.setStatus(reply.status());
            reply.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
            if (close) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            // For HEAD, Jetty sends the headers only.
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
            ByteBuffer body = ByteBuffer.wrap(reply.body());
            response.write(true, body, Callback.from(() -> {
                log(Integer.toString(reply.status()), "");
                callback.succeeded();
            }, failure -> {
                log(Integer.toString(reply.status()), hungUp(failure)
                        ? " (the client closed the connection)" : " (not sent: " + failure.getClass().getSimpleName() + ")");
                callback.failed(failure);
            }));
        }

        private void log(String status, String note) {
            String target = request.getHttpURI().getPathQuery();
            if (target != null && target.length() > LOGGED_TARGET) {
                target = target.substring(0, LOGGED_TARGET) + "...";
            }
            accessLog.printf("%s %s %s %d ms%s%n", request.getMethod(), target, status,
                    (System.nanoTime() - started) / 1_000_000, note);
        }
    }

    /**
     * Whether a request's host (its {@code Host} header) is a name of this machine's loopback interface: localhost,
     * a {@code .localhost} name (RFC 6761; browsers resolve them to loopback themselves) or a loopback address.
     * A request without one (HTTP/1.0) is let through: browsers always send it.
     */
    static boolean loopbackName(String host) {
        if (host == null || host.isEmpty()) {
            return true;
        }
        String name = host.toLowerCase(java.util.Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        boolean ipv4 = name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = name.contains(":") && name.matches("[0-9a-f:.]+");
        if (!ipv4 && !ipv6) {
            return false;
        }
        try {
            // An address literal: no lookup happens for one.
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (java.net.UnknownHostException notAnAddress) {
            return false;
        }
    }

    private static boolean hungUp(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EofException || t instanceof ClosedChannelException || t instanceof TimeoutException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Header names as received, each with its values, in order. */
    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    /** {@code POST /} for Cognito's user-pool-client API. */
    private static HttpReply cognito(HttpRequest request, Services services) {
        try {
            return awsJson(200, services.userPool().call(request.header("X-Amz-Target"), request.body()));
        } catch (CognitoApiException e) {
            return awsJson(e.type().status(), error(e.type().code(), e.getMessage()));
        }
    }

    private static HttpReply unknownTarget(HttpRequest request) {
        CognitoApiException.Type type = CognitoApiException.Type.UNKNOWN_OPERATION;
        return awsJson(type.status(), error(type.code(), "this endpoint serves X-Amz-Target "
                + UserPoolApi.TARGET_PREFIX + "* and " + DynamoDbProxy.TARGET_PREFIX + "*"));
    }

    private static HttpReply awsJson(int status, String body) {
        return HttpReply.of(status, UserPoolApi.CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8))
                .with("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    private static String error(String type, String message) {
        return "{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static HttpReply document(HttpRequest request, Services services, String contentType, byte[] content) {
        String method = request.method();
        if (content.length == 0 || !(method.equals("GET") || method.equals("HEAD"))) {
            return services.api().notFound(request);
        }
        return HttpReply.of(200, contentType, content);
    }

    private static byte[] resource(String name) {
        try (InputStream in = LocalServer.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot be read", e);
        }
    }
}
