package invoicegroups.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import invoicegroups.support.DynamoDbLocal;
import invoicegroups.support.Events;
import invoicegroups.support.InvoiceGroupsApi;
import invoicegroups.lambdacontext.LocalLambdaContext;
import invoicegroups.support.MetricLines;
import invoicegroups.support.Response;
import invoicegroups.support.StandardOutput;
import invoicegroups.table.FunctionMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How DynamoDB's failures reach the caller. The table is created on DynamoDB Local; the handler is then pointed at
 * a small HTTP server on loopback that answers every DynamoDB call the way DynamoDB does when it fails (or not at all).
 */
class DynamoDbFailuresTest {

    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void throttlingAfterTheSdksRetriesIsA429WithRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        URI dynamoDb = failingDynamoDb(400, "ProvisionedThroughputExceededException", calls);
        LocalLambdaContext context = new LocalLambdaContext();

        StandardOutput.Captured<Response> call =
                StandardOutput.capture(() -> handlerAt(dynamoDb, Map.of()).call(Events.list("acme", ""), context));
        Response response = call.result();

        assertThat(response.status()).isEqualTo(429);
        assertThat(MetricLines.counting(call.lines(), FunctionMetrics.SERVER_ERROR_RESPONSES)).as("not a 5xx").isEmpty();
        assertThat(response.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(response.headers()).containsEntry("Retry-After", "1");
        assertThat(calls.get()).as("the SDK retried before giving up").isEqualTo(3);
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).contains(context.getAwsRequestId()));
    }

    @Test
    void anUnexpectedDynamoDbErrorIsA500WithDetailsOnlyInTheLog() {
        URI dynamoDb = failingDynamoDb(500, "InternalServerError", new AtomicInteger());
        LocalLambdaContext context = new LocalLambdaContext();

        StandardOutput.Captured<Response> call =
                StandardOutput.capture(() -> handlerAt(dynamoDb, Map.of()).call(Events.list("acme", ""), context));
        Response response = call.result();

        assertThat(response.status()).isEqualTo(500);
        assertThat(MetricLines.counting(call.lines(), FunctionMetrics.SERVER_ERROR_RESPONSES)).hasSize(1);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(context.logLines()).singleElement().satisfies(line -> assertThat(line)
                .contains(context.getAwsRequestId()).contains("InternalServerError").contains("at software.amazon"));
    }

    @Test
    void anUnresponsiveDynamoDbIsA503WellInsideTheFunctionTimeout() throws IOException {
        URI silent = silentServer();
        InvoiceGroupsApi api = handlerAt(silent, Map.of(
                "DYNAMODB_API_CALL_TIMEOUT_MILLIS", "1500", "DYNAMODB_API_CALL_ATTEMPT_TIMEOUT_MILLIS", "500"));

        // The stack's function timeout is 10 s; the call budget ends the request long before.
        Response response = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> api.list("acme", ""));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
        assertThat(response.headers()).containsEntry("Retry-After", "1");
    }

    @Test
    void aDynamoDbThatRefusesConnectionsIsA503() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        StandardOutput.Captured<Response> call = StandardOutput.capture(
                () -> handlerAt(URI.create("http://127.0.0.1:" + closedPort), Map.of()).list("acme", ""));
        Response response = call.result();

        assertThat(response.status()).isEqualTo(503);
        assertThat(MetricLines.counting(call.lines(), FunctionMetrics.SERVER_ERROR_RESPONSES)).hasSize(1);
        assertThat(response.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
    }

    /** A fresh table on DynamoDB Local, with the handler's DynamoDB endpoint set to {@code dynamoDb}. */
    private static InvoiceGroupsApi handlerAt(URI dynamoDb, Map<String, String> settings) {
        var local = DynamoDbLocal.shared();
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("DYNAMODB_ENDPOINT", dynamoDb.toString());
        return InvoiceGroupsApi.create(local.endpoint(), local.newClient(), environment);
    }

    private URI failingDynamoDb(int status, String errorType, AtomicInteger calls) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                calls.incrementAndGet();
                byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType
                        + "\",\"message\":\"simulated " + errorType + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            servers.add(() -> server.stop(0));
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts connections and never answers. */
    private URI silentServer() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    accepted.add(socket.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        servers.add(() -> {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
        });
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
}
