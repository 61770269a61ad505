package invoicegroups.ops.tenants;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback HTTP server in the local runner's place: Cognito's user-pool-client API (CreateUserPoolClient,
 * DeleteUserPoolClient) answered here in AWS JSON 1.1, and DynamoDB's API passed through to a real DynamoDB Local,
 * both on one port and told apart by the {@code X-Amz-Target} header, as the runner does.
 *
 * <p>It simulates what we cannot run here: Cognito itself, and its throttling ({@code TooManyRequestsException}) and
 * IAM denials ({@code AccessDeniedException}), injected per operation with {@link #fail}.
 */
final class CognitoStandIn implements AutoCloseable {

    static final String COGNITO = "AWSCognitoIdentityProviderService.";
    static final String DYNAMODB = "DynamoDB_20120810.";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        // Small responses at once, not after the client's delayed ACK (40 ms a request otherwise).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final URI dynamoDb;
    /** Client id -> the CreateUserPoolClient request that made it. */
    final Map<String, JsonNode> clients = new ConcurrentHashMap<>();
    /** Every operation received, in order (e.g. {@code CreateUserPoolClient}, {@code Query}). */
    final List<String> operations = new CopyOnWriteArrayList<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    private record Failure(AtomicInteger remaining, int status, String type) {
    }

    private CognitoStandIn(URI dynamoDb) throws IOException {
        this.dynamoDb = dynamoDb;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static CognitoStandIn start(URI dynamoDb) throws IOException {
        return new CognitoStandIn(dynamoDb);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} calls of {@code operation} fail with {@code status} and error type {@code type}. */
    void fail(String operation, int times, int status, String type) {
        failures.put(operation, new Failure(new AtomicInteger(times), status, type));
    }

    long count(String operation) {
        return operations.stream().filter(operation::equals).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = target.substring(target.indexOf('.') + 1);
            operations.add(operation);
            Failure failure = failures.get(operation);
            if (failure != null && failure.remaining().getAndDecrement() > 0) {
                error(exchange, failure.status(), failure.type(), "injected by the test");
                return;
            }
            if (target.startsWith(DYNAMODB)) {
                forward(exchange, body);
            } else if (target.startsWith(COGNITO)) {
                cognito(exchange, operation, JSON.readTree(body));
            } else {
                error(exchange, 400, "UnknownOperationException", "no such target");
            }
        }
    }

    private void cognito(HttpExchange exchange, String operation, JsonNode request) throws IOException {
        switch (operation) {
            case "CreateUserPoolClient" -> {
                String clientId = random("abcdefghijklmnopqrstuvwxyz0123456789", 26);
                String secret = random("abcdefghijklmnopqrstuvwxyz0123456789", 51);
                clients.put(clientId, request);
                ObjectNode client = ((ObjectNode) request.deepCopy()).put("ClientId", clientId)
                        .put("ClientSecret", secret);
                client.remove("GenerateSecret");
                ObjectNode response = JSON.createObjectNode();
                response.set("UserPoolClient", client);
                reply(exchange, 200, JSON.writeValueAsBytes(response));
            }
            case "DeleteUserPoolClient" -> {
                if (clients.remove(request.path("ClientId").asString()) == null) {
                    error(exchange, 400, "ResourceNotFoundException", "User pool client does not exist.");
                } else {
                    reply(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> error(exchange, 400, "InvalidParameterException", "not simulated: " + operation);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) dynamoDb.toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        for (String header : List.of("Content-Type", "X-Amz-Target", "Authorization", "X-Amz-Date")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                connection.setRequestProperty(header, value);
            }
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        byte[] answer;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            answer = in == null ? new byte[0] : in.readAllBytes();
        }
        List<String> copied = new ArrayList<>(List.of("Content-Type", "x-amz-crc32", "x-amzn-RequestId"));
        for (String header : copied) {
            String value = connection.getHeaderField(header);
            if (value != null) {
                exchange.getResponseHeaders().set(header, value);
            }
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        reply(exchange, status, ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
