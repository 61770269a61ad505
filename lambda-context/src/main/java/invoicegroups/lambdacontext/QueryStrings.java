package invoicegroups.lambdacontext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A raw query string as API Gateway hands it to a proxy integration: {@code multiValueQueryStringParameters} (decoded
 * names, every value of each in order) and {@code queryStringParameters} (the last value of each); {@code null} when
 * there are none. The one decoder of {@code name=value&...} for the runner's events, the function's test events and
 * the tests' stand-ins of AWS query APIs.
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    /** Every value of each parameter, in order; {@code null} when there are none, as API Gateway sends. */
    public static Map<String, List<String>> multiValue(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        pairs(rawQuery, QueryStrings::decode)
                .forEach(pair -> parameters.computeIfAbsent(pair.getKey(), n -> new ArrayList<>()).add(pair.getValue()));
        return parameters.isEmpty() ? null : parameters;
    }

    /**
     * The {@code name=value} pairs of a query string or a form body, in order, empty ones skipped, a name without
     * {@code =} valued {@code ""}; each side decoded by {@code decoder}, which may refuse what it cannot decode (the
     * token endpoint and API Gateway's management API answer a malformed escape with 400).
     */
    public static List<Map.Entry<String, String>> pairs(String raw, UnaryOperator<String> decoder) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decoder.apply(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decoder.apply(pair.substring(equals + 1));
            pairs.add(Map.entry(name, value));
        }
        return pairs;
    }

    /** The last value of each parameter ({@code queryStringParameters}); {@code null} when there are none. */
    public static Map<String, String> lastValues(Map<String, List<String>> multiValue) {
        if (multiValue == null) {
            return null;
        }
        Map<String, String> last = new LinkedHashMap<>();
        multiValue.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
        return last;
    }

    /** Percent-decoded, {@code +} as a space; a malformed escape stays as it came (the function then rejects it). */
    public static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return raw;
        }
    }
}
