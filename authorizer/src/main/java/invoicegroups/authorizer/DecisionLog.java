package invoicegroups.authorizer;

import java.io.PrintStream;

/**
 * One JSON line per decision on the function's log stream (stdout):
 * {@code {"message":"authorizer decision","decision":"Allow"|"Deny"|"Unauthorized"|"Error","reason":..,"clientId":..,"tenantId":..}}.
 * Never the token: {@code clientId} and {@code tenantId} only from a verified token (well-formed ones), else
 * {@code null}; reasons are fixed phrases.
 */
final class DecisionLog {

    static final String MESSAGE = "authorizer decision";

    private final PrintStream out;

    DecisionLog(PrintStream out) {
        this.out = out;
    }

    void write(String decision, String reason, String clientId, String tenantId) {
        StringBuilder line = new StringBuilder(160).append('{');
        field(line, "message", MESSAGE).append(',');
        field(line, "decision", decision).append(',');
        field(line, "reason", reason).append(',');
        field(line, "clientId", clientId).append(',');
        field(line, "tenantId", tenantId).append('}');
        out.println(line);
    }

    private static StringBuilder field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":");
        if (value == null) {
            return line.append("null");
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
        return line.append('"');
    }
}
