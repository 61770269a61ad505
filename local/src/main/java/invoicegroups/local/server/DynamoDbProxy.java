package invoicegroups.local.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Passes DynamoDB API calls ({@code X-Amz-Target: DynamoDB_20120810.*}) on to the embedded DynamoDB Local, byte for
 * byte both ways, so one endpoint ({@code http://localhost:8080}) serves the operator command both Cognito's and
 * DynamoDB's APIs, as the deployed stack's two services do.
 */
public final class DynamoDbProxy {

    public static final String TARGET_PREFIX = "DynamoDB_20120810.";
    /** Headers the JDK's client sets itself, or that describe one hop only. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    private final URI dynamoDb;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public DynamoDbProxy(URI dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** @return the status sent */
    int forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(dynamoDb.resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while DynamoDB Local answered", e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        Replies.send(exchange, response.statusCode(), headers, response.body());
        return response.statusCode();
    }
}
