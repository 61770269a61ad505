package invoicegroups.local.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer as a route gives it: status, headers, body. The server writes it (no body for {@code HEAD}).
 *
 * @param headers names as they are to be sent, each with its values
 */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {

    public static final String JSON = "application/json";

    public HttpReply {
        headers = new LinkedHashMap<>(headers);
    }

    /** {@code body} as {@code application/json}. */
    public static HttpReply json(int status, String body) {
        return of(status, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpReply of(int status, String contentType, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
        return new HttpReply(status, headers, body);
    }

    /** This reply with one more header (replacing any of that name). */
    public HttpReply with(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        more.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        more.put(name, new ArrayList<>(List.of(value)));
        return new HttpReply(status, more, body);
    }

    /** The first value of a header, its name compared without case; {@code null} when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
