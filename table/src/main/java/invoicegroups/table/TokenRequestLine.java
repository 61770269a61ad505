package invoicegroups.table;

/**
 * The token trigger's one JSON log line per token request, which the stack's Contributor Insights rule counts per
 * app client: {@code {"message":"token request","clientId":..,"tenantId":..,"outcome":"issued"|"refused","reason":..}}.
 * Named once here for the trigger that writes it and the stack that reads it.
 */
public final class TokenRequestLine {

    /** The line's {@code message}: what the rule filters on. */
    public static final String MESSAGE = "token request";

    /** The field the rule counts by. */
    public static final String CLIENT_ID = "clientId";

    private TokenRequestLine() {
    }
}
