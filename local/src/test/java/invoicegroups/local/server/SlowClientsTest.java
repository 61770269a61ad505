package invoicegroups.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.Options;
import invoicegroups.local.RunningLocalApi;
import invoicegroups.local.cognito.DemoClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow clients cannot take the runner from the others: 64 connections that trickle their headers, stop after the
 * request line, or trickle a body, while normal requests keep answering within a second; and each kind is cut off by
 * its timeout with a 408 in its route's shape.
 */
class SlowClientsTest {

    static final int SLOW = 64;

    @Test
    void sixtyFourSlowConnectionsDoNotDelayNormalRequests() throws Exception {
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0))) {
            URI base = local.api.baseUri();
            String token = local.token(DemoClients.ACME);
            local.get("/invoice_groups", token);
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW; i++) {
                    Socket socket = RawHttp.connect(base);
                    slow.add(socket);
                    socket.getOutputStream().write(start(i).getBytes(StandardCharsets.US_ASCII));
                }
                long worst = 0;
                int rounds = 25;
                for (int round = 0; round < rounds; round++) {
                    // every slow connection sends one more byte: each stays alive and unfinished
                    for (int i = 0; i < slow.size(); i++) {
                        slow.get(i).getOutputStream().write(i % 3 == 1 ? ' ' : 'x');
                    }
                    long started = System.nanoTime();
                    assertThat(local.get("/invoice_groups", local.token(DemoClients.ACME)).statusCode()).isEqualTo(200);
                    worst = Math.max(worst, System.nanoTime() - started);
                    Thread.sleep(100);
                }
                System.out.printf("%d slow connections: worst of %d token + listing pairs %d ms%n", SLOW, rounds,
                        worst / 1_000_000);
                assertThat(Duration.ofNanos(worst)).isLessThan(Duration.ofSeconds(1));
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    /** A third trickle a header, a third a request line (spaces), a third a body. */
    private static String start(int i) {
        return switch (i % 3) {
            case 0 -> "GET /invoice_groups HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";
            case 1 -> "GET /invoice_groups?";
            default -> "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.Scan\r\n"
                    + "Content-Length: 16000000\r\n\r\n{";
        };
    }

    @Test
    void aHeadThatTricklesIsAnswered408AfterTheHeaderTimeout() throws Exception {
        Limits limits = Limits.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(20));
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0), quiet(), limits);
                Socket socket = RawHttp.connect(local.api.baseUri())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /invoice_groups HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            RawHttp.Answer answer = trickleUntilAnswered(socket, "X-Slow: y\r\n");

            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.text()).isEqualTo("{\"message\":\"Request Timeout\"}");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
        }
    }

    @Test
    void blankLinesBeforeARequestCountAgainstTheHeaderTimeoutToo() throws Exception {
        Limits limits = Limits.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(20));
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0), quiet(), limits);
                Socket socket = RawHttp.connect(local.api.baseUri())) {
            RawHttp.Answer answer = trickleUntilAnswered(socket, "\r\n");

            assertThat(answer.status()).isEqualTo(408);
        }
    }

    @Test
    void aBodyThatStallsIsAnswered408InItsRoutesShapeAfterTheBodyTimeout() throws Exception {
        Limits limits = Limits.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(20));
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0), quiet(), limits);
                Socket token = RawHttp.connect(local.api.baseUri());
                Socket dynamoDb = RawHttp.connect(local.api.baseUri())) {
            token.getOutputStream().write(("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngrant_type=")
                    .getBytes(StandardCharsets.US_ASCII));
            dynamoDb.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.Scan\r\n"
                    + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            RawHttp.Answer tokenAnswer = trickleUntilAnswered(token, "a");
            RawHttp.Answer dynamoDbAnswer = RawHttp.readOne(dynamoDb.getInputStream());

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(4));
            assertThat(tokenAnswer.status()).isEqualTo(408);
            assertThat(tokenAnswer.text()).startsWith("{\"error\":\"invalid_request\"");
            assertThat(tokenAnswer.headers()).containsEntry("connection", "close");
            assertThat(dynamoDbAnswer.status()).isEqualTo(408);
            assertThat(dynamoDbAnswer.contentType()).isEqualTo("application/x-amz-json-1.0");
            assertThat(dynamoDbAnswer.text()).startsWith("{\"__type\":\"RequestTimeoutException\"");
        }
    }

    @Test
    void aClientThatHangsUpIsNeitherAnErrorNorAStackTrace() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0),
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            for (int i = 0; i < 20; i++) {
                try (Socket socket = RawHttp.connect(local.api.baseUri())) {
                    socket.setSoLinger(true, 0);
                    socket.getOutputStream().write(("GET /openapi.yaml HTTP/1.1\r\nHost: localhost\r\n\r\n"
                            + "POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nContent-Length: 50\r\n\r\ngrant")
                            .getBytes(StandardCharsets.US_ASCII));
                }
            }
            Thread.sleep(500);
            assertThat(local.get("/openapi.yaml", null).statusCode()).isEqualTo(200);
        } finally {
            System.setErr(stderr);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(" 500 ").contains("GET /openapi.yaml 200");
        assertThat(errors.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
    }

    /** Sends {@code piece} every 100 ms until the server answers (or closes), then reads the answer. */
    private static RawHttp.Answer trickleUntilAnswered(Socket socket, String piece) throws IOException, InterruptedException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        for (int i = 0; i < 100 && in.available() == 0; i++) {
            try {
                out.write(piece.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                break;
            }
            Thread.sleep(100);
        }
        return RawHttp.readOne(in);
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
