package invoicegroups.local.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes a response on an exchange: status, headers, body (none for HEAD). */
public final class Replies {

    public static final String JSON = "application/json";
    public static final String NOT_FOUND = "{\"message\":\"Not Found\"}";

    private Replies() {
    }

    public static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, Map.of("Content-Type", List.of(JSON)), body.getBytes(StandardCharsets.UTF_8));
    }

    public static void notFound(HttpExchange exchange) throws IOException {
        json(exchange, 404, NOT_FOUND);
    }

    public static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
