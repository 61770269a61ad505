package invoicegroups.table;

/**
 * One JSON object on one line, string fields only: how the token trigger ({@link TokenRequestLine}) and the
 * authorizer write their one log line per request to stdout, where CloudWatch Logs (and the stack's Contributor
 * Insights rule) read it. Values are escaped as JSON requires; a {@code null} value is JSON {@code null}.
 */
public final class JsonLogLine {

    private final StringBuilder line = new StringBuilder(160).append('{');

    private JsonLogLine() {
    }

    /** A line whose first field is {@code "message":<message>}. */
    public static JsonLogLine message(String message) {
        return new JsonLogLine().field("message", message);
    }

    /** Adds {@code "<name>":<value>} after the fields so far. */
    public JsonLogLine field(String name, String value) {
        if (line.length() > 1) {
            line.append(',');
        }
        line.append('"').append(name).append("\":");
        if (value == null) {
            line.append("null");
            return this;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
        return this;
    }

    /** The object, its fields in the order they were added. */
    @Override
    public String toString() {
        return line + "}";
    }
}
