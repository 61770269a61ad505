package invoicegroups.snapstart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The loopback HTTP endpoint SnapStart priming sends its requests to, inside the function's own process: it answers
 * every request with the same DynamoDB Query response, so that the priming requests go through a real HTTP client of
 * the function's kind (its classes loaded and its code compiled into the snapshot) without reaching DynamoDB. It keeps
 * the connection alive, as DynamoDB does, until the last expected request, which it answers with
 * {@code Connection: close}, so that no connection outlives the priming whatever the client's pooling. It counts the
 * connections it accepted and those the client closed: priming checks that none is left open before the snapshot.
 */
final class PrimingEndpoint implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 5000;

    private final ServerSocket server;
    private final byte[] keepAlive;
    private final byte[] closing;
    private final int requests;
    private final Thread acceptor;
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final List<Thread> connections = new CopyOnWriteArrayList<>();

    private PrimingEndpoint(ServerSocket server, String body, int requests) {
        this.server = server;
        this.keepAlive = response(body, "keep-alive");
        this.closing = response(body, "close");
        this.requests = requests;
        this.acceptor = new Thread(this::serve, "snapstart-priming-endpoint");
        acceptor.setDaemon(true);
    }

    /**
     * Listens on a free loopback port; answers every request with {@code body} as a DynamoDB JSON response, the
     * {@code requests}-th with {@code Connection: close}.
     */
    static PrimingEndpoint start(String body, int requests) throws IOException {
        PrimingEndpoint endpoint = new PrimingEndpoint(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()), body,
                requests);
        endpoint.acceptor.start();
        return endpoint;
    }

    /** {@code client}, with every request sent here instead of where the SDK addressed it (signed as it was). */
    SdkHttpClient sendingHere(SdkHttpClient client) {
        int port = server.getLocalPort();
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return client.prepareRequest(HttpExecuteRequest.builder()
                        .request(request.httpRequest().toBuilder().protocol("http").host("127.0.0.1").port(port)
                                .build())
                        .contentStreamProvider(request.contentStreamProvider().orElse(null))
                        .build());
            }

            @Override
            public String clientName() {
                return client.clientName();
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** Connections accepted and not closed by the client (still open when the read timeout passed). */
    int open() {
        return accepted.get() - closed.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                accepted.incrementAndGet();
                // One thread per connection: a client may open another while one is still idle in its pool.
                Thread answering = new Thread(() -> {
                    try (connection) {
                        if (answer(connection)) {
                            closed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // closing a socket the client already closed
                    }
                }, "snapstart-priming-connection");
                answering.setDaemon(true);
                connections.add(answering);
                answering.start();
            } catch (IOException e) {
                // the server socket was closed: priming is over
            }
        }
    }

    /** Answers requests on one connection until the client closes it (true) or leaves it idle and open (false). */
    private boolean answer(Socket connection) {
        try {
            connection.setSoTimeout(READ_TIMEOUT_MILLIS);
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (readRequest(in)) {
                boolean last = served.incrementAndGet() >= requests;
                out.write(last ? closing : keepAlive);
                out.flush();
                if (last) {
                    connection.shutdownOutput();
                }
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            // a client closing without lingering resets the connection: closed all the same
            return true;
        }
    }

    /**
     * Reads one request: headers up to the blank line, then Content-Length bytes of body. False when the client
     * closed the connection instead of sending one.
     */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream(1024);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (headers.size() == 0) {
                    return false;
                }
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
            if (in.read() < 0) {
                throw new IOException("request body ended early");
            }
            remaining--;
        }
        return true;
    }

    /** The response DynamoDB would send: its content type, request id and CRC32 header (the SDK checks it). */
    private static byte[] response(String body, String connection) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        CRC32 crc32 = new CRC32();
        crc32.update(content);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: "
                + content.length + "\r\nx-amzn-RequestId: snapstart-priming\r\nx-amz-crc32: " + crc32.getValue()
                + "\r\nConnection: " + connection + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] response = new byte[head.length + content.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(content, 0, response, head.length, content.length);
        return response;
    }

    /** Stops accepting and waits for every connection to be closed by the client, or to time out as still open. */
    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(READ_TIMEOUT_MILLIS);
            for (Thread connection : connections) {
                connection.join(2L * READ_TIMEOUT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
