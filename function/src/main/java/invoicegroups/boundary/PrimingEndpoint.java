package invoicegroups.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loopback HTTP endpoint SnapStart priming sends its one request to, inside the function's own process: it answers
 * every request with the same DynamoDB Query response and {@code Connection: close}, so that the priming request goes
 * through a real HTTP client of the function's kind (its classes loaded and its code compiled into the snapshot)
 * without reaching DynamoDB, and no connection outlives the exchange. It counts the connections it accepted and those
 * the client has closed: priming checks that none is left open before the snapshot is taken.
 */
final class PrimingEndpoint implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 1000;

    private final ServerSocket server;
    private final byte[] response;
    private final Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    private PrimingEndpoint(ServerSocket server, byte[] response) {
        this.server = server;
        this.response = response;
        this.acceptor = new Thread(this::serve, "snapstart-priming-endpoint");
        acceptor.setDaemon(true);
    }

    /** Listens on a free loopback port; answers every request with {@code body} as a DynamoDB JSON response. */
    static PrimingEndpoint start(String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: "
                + content.length + "\r\nx-amzn-RequestId: snapstart-priming\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] response = new byte[head.length + content.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(content, 0, response, head.length, content.length);
        PrimingEndpoint endpoint = new PrimingEndpoint(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()),
                response);
        endpoint.acceptor.start();
        return endpoint;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** Connections accepted and not yet closed by the client (or dropped after the read timeout). */
    int open() {
        return accepted.get() - closed.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                accepted.incrementAndGet();
                try {
                    connection.setSoTimeout(READ_TIMEOUT_MILLIS);
                    InputStream in = connection.getInputStream();
                    readRequest(in);
                    OutputStream out = connection.getOutputStream();
                    out.write(response);
                    out.flush();
                    connection.shutdownOutput();
                    // Connection: close: the client closes its end after reading the response; wait for that.
                    while (in.read() >= 0) {
                        // nothing more is expected
                    }
                    closed.incrementAndGet();
                } catch (SocketTimeoutException stillOpen) {
                    // counted as open: priming fails on it
                }
            } catch (IOException e) {
                // the server socket was closed, or a client went away: nothing to answer
            }
        }
    }

    /** Reads one request: headers up to the blank line, then Content-Length bytes of body. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream(1024);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            headers.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long remaining = 0;
        for (String line : headers.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                remaining = Long.parseLong(line.substring("content-length:".length()).strip());
            }
        }
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("request body ended early");
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(READ_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
