package invoicegroups.tokencustomizer;

import invoicegroups.table.JsonLogLine;
import invoicegroups.table.TokenRequestLine;
import java.io.PrintStream;

/**
 * One JSON line ({@link JsonLogLine}) per token request on the trigger's log stream (stdout, so CloudWatch Logs and
 * Contributor Insights can count token requests per client):
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
        out.println(JsonLogLine.message(MESSAGE).field(TokenRequestLine.CLIENT_ID, clientId)
                .field("tenantId", tenantId).field("outcome", outcome).field("reason", reason));
    }
}
