package invoicegroups.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.Options;
import invoicegroups.local.RunningLocalApi;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A body over its route's limit is answered 413 in the route's shape without the runner reading the excess: the
 * memory the whole JVM allocates meanwhile stays far below the body's size. Large bodies together are held to the
 * memory set aside for them, beyond which the call is throttled as its service throttles.
 */
class BodyLimitTest {

    static final long MIB = 1024 * 1024;
    static RunningLocalApi local;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start(Options.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsAnswered413AtOnceAndNeverRead() throws Exception {
        long allocatedBefore = allocated();
        long started = System.nanoTime();
        try (Socket socket = RawHttp.connect(local.api.baseUri())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 2200000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            RawHttp.Answer answer = RawHttp.readOne(socket.getInputStream());
            long sent = sendUntilRefused(out, 256 * MIB);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.text()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":"
                    + "\"the body is over the 16384 bytes this endpoint takes\"}");
            assertThat(answer.headers()).containsEntry("connection", "close");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            long allocated = allocated() - allocatedBefore;
            System.out.printf("2.2 GB declared: 413, %d MiB sent before the runner closed, %d MiB allocated%n",
                    sent / MIB, allocated / MIB);
            assertThat(allocated).isLessThan(32 * MIB);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsAnswered413AfterTheLimitWithoutReadingTheRest() throws Exception {
        long allocatedBefore = allocated();
        try (Socket socket = RawHttp.connect(local.api.baseUri())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.BatchWriteItem\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long sent = sendChunksUntilRefused(out, 256 * MIB);
            RawHttp.Answer answer = RawHttp.readOne(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.contentType()).isEqualTo("application/x-amz-json-1.0");
            assertThat(answer.text()).contains("\"__type\":\"RequestEntityTooLargeException\"");
            long allocated = allocated() - allocatedBefore;
            System.out.printf("256 MiB chunked to DynamoDB's route: 413 after %d MiB sent, %d MiB allocated%n",
                    sent / MIB, allocated / MIB);
            assertThat(sent).isLessThan(128 * MIB);
            // the route's 16 MiB, grown by doubling, and the copies of Jetty's buffers: never the body's 256 MiB
            assertThat(allocated).isLessThan(96 * MIB);
        }
    }

    @Test
    void largeBodiesBeyondTheMemorySetAsideAreThrottledAsDynamoDbThrottles() throws Exception {
        try (RunningLocalApi small = RunningLocalApi.start(Options.defaults().withPort(0),
                new PrintStream(OutputStream.nullOutputStream()), Limits.DEFAULT.withBodyMemory(MIB));
                Socket socket = RawHttp.connect(small.api.baseUri())) {
            byte[] body = ("{\"TableName\":\"invoice-groups\",\"x\":\"" + "a".repeat((int) (2 * MIB)) + "\"}")
                    .getBytes(StandardCharsets.US_ASCII);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.Scan\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            sendUntilRefused(socket.getOutputStream(), body);
            RawHttp.Answer answer = RawHttp.readOne(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.text()).startsWith("{\"__type\":\"ThrottlingException\"");
            // the memory is given back: a small call goes through
            assertThat(small.dynamoDbClient().listTables().tableNames()).contains("invoice-groups");
        }
    }

    private static long sendUntilRefused(OutputStream out, long bytes) {
        byte[] block = new byte[64 * 1024];
        long sent = 0;
        try {
            while (sent < bytes) {
                out.write(block);
                sent += block.length;
            }
        } catch (IOException closedByTheRunner) {
            // expected: the runner answered and closed
        }
        return sent;
    }

    private static void sendUntilRefused(OutputStream out, byte[] body) {
        try {
            out.write(body);
        } catch (IOException closedByTheRunner) {
            // expected once the runner answers
        }
    }

    private static long sendChunksUntilRefused(OutputStream out, long bytes) {
        byte[] block = new byte[64 * 1024];
        byte[] size = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\r\n".getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try {
            while (sent < bytes) {
                out.write(size);
                out.write(block);
                out.write(end);
                sent += block.length;
            }
        } catch (IOException closedByTheRunner) {
            // expected: the runner answered and closed
        }
        return sent;
    }

    /** Bytes allocated by every thread of this JVM so far, the runner's included. */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }
}
