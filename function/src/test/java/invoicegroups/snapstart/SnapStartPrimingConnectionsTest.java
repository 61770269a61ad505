package invoicegroups.snapstart;

import invoicegroups.boundary.Configuration;
import invoicegroups.boundary.DynamoDbClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Priming goes through a real HTTP client of the function's kind to a loopback endpoint in the process, and leaves
 * no connection open for the snapshot: the client is closed, and every connection the endpoint accepted was closed.
 */
class SnapStartPrimingConnectionsTest {

    private static final Configuration CONFIGURATION = Configuration.from(Map.of("TABLE_NAME", "invoice-groups",
            "AWS_REGION", "us-east-1", "DYNAMODB_ENDPOINT", "http://127.0.0.1:9"));

    @Test
    void primingAnswersTheMadeUpPageThroughTheFunctionsKindOfHttpClient() {
        APIGatewayProxyResponseEvent response = new SnapStartPriming(CONFIGURATION).prime();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"ig_priming_1\"", "nextToken");
    }

    @Test
    void primingClosesItsHttpClientAndLeavesNoConnectionOpen() {
        AtomicReference<ClosingRecorder> client = new AtomicReference<>();
        SnapStartPriming priming = new SnapStartPriming(CONFIGURATION, () -> {
            client.set(new ClosingRecorder(DynamoDbClients.httpClient(CONFIGURATION)));
            return client.get();
        });

        priming.beforeCheckpoint(null);

        assertThat(client.get().requests).isEqualTo(SnapStartPriming.REQUESTS);
        assertThat(client.get().closed).isTrue();
    }

    @Test
    void aConnectionTheClientKeepsOpenFailsThePriming() {
        // A client that never closes its connections: the endpoint sees one stay open.
        SnapStartPriming priming = new SnapStartPriming(CONFIGURATION, LeakingHttpClient::new);

        assertThatThrownBy(priming::prime).isInstanceOf(SnapStartPriming.ConnectionLeftOpen.class)
                .hasMessageContaining("left open");
    }

    @Test
    void aClientSlowToCloseNeverFailsTheSnapshotItself() {
        // beforeCheckpoint throwing would fail the publication of the version; by then both ends are closed anyway.
        SnapStartPriming priming = new SnapStartPriming(CONFIGURATION, LeakingHttpClient::new);

        assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
    }

    @Test
    void theEndpointKeepsTheConnectionAliveUntilTheLastRequestAndCountsItClosedOnlyWhenTheClientClosesIt()
            throws Exception {
        try (PrimingEndpoint endpoint = PrimingEndpoint.start("{}", 2);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
            byte[] request = "POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII);
            socket.getOutputStream().write(request);
            socket.getOutputStream().write(request);
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(3);
            assertThat(answers.indexOf("Connection: keep-alive")).isLessThan(answers.indexOf("Connection: close"));
            assertThat(answers).contains("x-amz-crc32: ").endsWith("\r\n\r\n{}");
            assertThat(endpoint.open()).isEqualTo(1);

            socket.close();
            waitUntil(() -> endpoint.open() == 0);
            assertThat(endpoint.accepted()).isEqualTo(1);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    /** The function's kind of HTTP client, recording its requests and whether it was closed. */
    private static final class ClosingRecorder implements SdkHttpClient {
        private final SdkHttpClient delegate;
        private int requests;
        private boolean closed;

        ClosingRecorder(SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests++;
            return delegate.prepareRequest(request);
        }

        @Override
        public void close() {
            closed = true;
            delegate.close();
        }
    }

    /** Opens a socket per request, reads the answer's first bytes and never closes it. */
    private static final class LeakingHttpClient implements SdkHttpClient {
        private final java.util.List<java.net.Socket> sockets = new java.util.ArrayList<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            URI uri = request.httpRequest().getUri();
            return new ExecutableHttpRequest() {
                @Override
                public software.amazon.awssdk.http.HttpExecuteResponse call() throws java.io.IOException {
                    java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort());
                    sockets.add(socket);
                    socket.getOutputStream().write("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n".getBytes());
                    throw new java.io.IOException("this client never reads its answers");
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
            // leaks its sockets on purpose
        }
    }
}
