package invoicegroups.lambdacontext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters.isEmpty() ? null : parameters;
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
