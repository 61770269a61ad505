package invoicegroups.tokencustomizer;

import invoicegroups.table.TokenRequestLine;
import java.io.PrintStream;

/**
 * One JSON line per token request on the trigger's log stream (stdout, so CloudWatch Logs and Contributor Insights
 * can count token requests per client):
 * {@code {"message":"token request","clientId":..,"tenantId":..,"outcome":"issued"|"refused","reason":..}}.
 */
final class TokenRequestLog {

    static final String MESSAGE = TokenRequestLine.MESSAGE;
    static final String ISSUED = "issued";
    static final String REFUSED = "refused";

    private final PrintStream out;

    TokenRequestLog(PrintStream out) {
        this.out = out;
    }

    void issued(String clientId, String tenantId) {
        write(clientId, tenantId, ISSUED, "active tenant");
    }

    void refused(String clientId, String tenantId, String reason) {
        write(clientId, tenantId, REFUSED, reason);
    }

    private void write(String clientId, String tenantId, String outcome, String reason) {
        StringBuilder line = new StringBuilder(160).append('{');
        field(line, "message", MESSAGE).append(',');
        field(line, TokenRequestLine.CLIENT_ID, clientId).append(',');
        field(line, "tenantId", tenantId).append(',');
        field(line, "outcome", outcome).append(',');
        field(line, "reason", reason).append('}');
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
