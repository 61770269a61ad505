package invoicegroups.authorizer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for DynamoDB's JSON API in front of DynamoDB Local: the first {@code unprocessedCalls}
 * BatchGetItem calls are answered as DynamoDB answers a throttled batch (no items, every requested key back in
 * {@code UnprocessedKeys}); every other call is passed to DynamoDB Local unchanged. DynamoDB Local never leaves keys
 * unprocessed itself.
 */
final class UnprocessingDynamoDb implements AutoCloseable {

    private static final Pattern REQUEST_ITEMS = Pattern.compile("^\\{\"RequestItems\":(.*)}$", Pattern.DOTALL);

    private final HttpServer server;
    private final AtomicInteger batchGets = new AtomicInteger();

    UnprocessingDynamoDb(URI dynamoDbLocal, int unprocessedCalls) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String answer;
            int status;
            if (target.endsWith(".BatchGetItem") && batchGets.incrementAndGet() <= unprocessedCalls) {
                Matcher items = REQUEST_ITEMS.matcher(new String(body, StandardCharsets.UTF_8));
                if (!items.matches()) {
                    throw new IllegalStateException("unexpected BatchGetItem body");
                }
                status = 200;
                answer = "{\"Responses\":{},\"UnprocessedKeys\":" + items.group(1) + "}";
            } else {
                HttpRequest.Builder forward = HttpRequest.newBuilder(dynamoDbLocal)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                for (String header : new String[] {"Content-Type", "X-Amz-Target", "Authorization", "X-Amz-Date"}) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        forward.header(header, value);
                    }
                }
                try {
                    HttpResponse<String> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    answer = response.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int batchGets() {
        return batchGets.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
