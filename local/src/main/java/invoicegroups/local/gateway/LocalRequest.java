package invoicegroups.local.gateway;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached the local front, before it becomes an API Gateway event.
 *
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQueryString the query string as sent, or {@code ""}
 * @param headers header names as received, each with all its values
 */
public record LocalRequest(
        String method,
        String rawPath,
        String rawQueryString,
        Map<String, List<String>> headers,
        String protocol,
        String sourceIp,
        byte[] body) {
}
