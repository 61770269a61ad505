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
 * DescribeUserPoolClient, ListUserPoolClients, DeleteUserPoolClient) answered here in AWS JSON 1.1, API Gateway's
 * API-key and usage-plan API ({@link ApiGatewayStandIn}, REST-JSON on its paths), and DynamoDB's API passed through to
 * a real DynamoDB Local, all on one port, as the runner does.
 *
 * <p>It simulates what we cannot run here: Cognito and API Gateway themselves, and their throttling
 * ({@code TooManyRequestsException}) and IAM denials, injected per operation with {@link #fail}.
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
    /** API Gateway's keys and usage plans (usage plans standard and premium of REST API {@code local}). */
    final ApiGatewayStandIn apiGateway;

    private record Failure(AtomicInteger remaining, int status, String type) {
    }

    private CognitoStandIn(URI dynamoDb) throws IOException {
        this.dynamoDb = dynamoDb;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        this.apiGateway = new ApiGatewayStandIn((operation, exchange) -> {
            operations.add(operation);
            Failure failure = failures.get(operation);
            if (failure != null && failure.remaining().getAndDecrement() > 0) {
                try {
                    ApiGatewayStandIn.error(exchange, failure.status(), failure.type(), "injected by the test");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return true;
            }
            return false;
        });
        apiGateway.mount(server);
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
            case "DescribeUserPoolClient" -> {
                JsonNode client = clients.get(request.path("ClientId").asString());
                if (client == null) {
                    error(exchange, 400, "ResourceNotFoundException", "User pool client does not exist.");
                } else {
                    ObjectNode response = JSON.createObjectNode();
                    response.putObject("UserPoolClient").put("ClientId", request.path("ClientId").asString())
                            .put("UserPoolId", request.path("UserPoolId").asString());
                    reply(exchange, 200, JSON.writeValueAsBytes(response));
                }
            }
            case "ListUserPoolClients" -> {
                int max = request.path("MaxResults").asInt(60);
                String after = request.path("NextToken").asString("");
                List<String> ids = new java.util.TreeSet<>(clients.keySet()).tailSet(after, false).stream()
                        .limit(max + 1L).toList();
                ObjectNode response = JSON.createObjectNode();
                var page = response.putArray("UserPoolClients");
                ids.stream().limit(max).forEach(id -> page.addObject().put("ClientId", id)
                        .put("ClientName", clients.get(id).path("ClientName").asString()));
                if (ids.size() > max) {
                    response.put("NextToken", ids.get(max - 1));
                }
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

    /** Operations that change something, of every service here. */
    static final java.util.Set<String> WRITES = java.util.Set.of("PutItem", "UpdateItem", "DeleteItem",
            "TransactWriteItems", "BatchWriteItem", "CreateUserPoolClient", "DeleteUserPoolClient", "CreateApiKey",
            "DeleteApiKey", "CreateUsagePlanKey", "DeleteUsagePlanKey");

    /** How many writes were received so far. */
    long writes() {
        return operations.stream().filter(WRITES::contains).count();
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
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
