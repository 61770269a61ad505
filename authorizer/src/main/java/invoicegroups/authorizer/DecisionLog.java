package invoicegroups.authorizer;

import invoicegroups.table.JsonLogLine;
import java.io.PrintStream;

/**
 * One JSON line ({@link JsonLogLine}) per decision on the function's log stream (stdout):
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
        out.println(JsonLogLine.message(MESSAGE).field("decision", decision).field("reason", reason)
                .field("clientId", clientId).field("tenantId", tenantId));
    }
}
