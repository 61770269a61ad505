package invoicegroups.local.server;

import java.util.List;
import java.util.Map;

/**
 * A request as the routes see it, whatever server received it: its body already read in full, within the route's
 * limit.
 *
 * @param method the method as sent
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent (no {@code ?}), or {@code ""}
 * @param headers header names as received, each with all its values, in the order received
 * @param protocol e.g. {@code HTTP/1.1}
 * @param sourceIp the caller's address
 * @param body the body, empty when there is none
 */
public record HttpRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        String protocol,
        String sourceIp,
        byte[] body) {

    /** The first value of a header, its name compared without case; {@code null} when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** The path and query as sent, cut to {@code max} characters, for a log line. */
    public String target(int max) {
        String target = rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
        return target.length() <= max ? target : target.substring(0, max) + "...";
    }
}
