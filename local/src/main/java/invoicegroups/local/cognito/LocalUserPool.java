package invoicegroups.local.cognito;

import invoicegroups.table.AccessTokens;
import invoicegroups.table.ResourceServer;
import java.time.Duration;
import java.util.List;

/**
 * The runner's one Cognito user pool: the scopes its resource servers define, and what its app clients may use. Its
 * id is {@link invoicegroups.table.LocalRunner#USER_POOL_ID}, in the shape of a real one ({@code <region>_<letters or
 * digits>}, pattern {@code [\w-]+_[0-9a-zA-Z]+} in Cognito's API reference), so tools that check it, such as the
 * {@code tenants} command, accept it.
 */
public final class LocalUserPool {

    /**
     * A scope only the local pool defines, and no route requires: the {@code acme-no-read} demo client has it alone,
     * so it gets a valid token without the read scope (Cognito grants client credentials only with a custom scope).
     */
    public static final String UNRELATED_SCOPE = "demo/unrelated";
    /** Every custom scope the pool's resource servers define. */
    public static final List<String> SCOPES = List.of(ResourceServer.READ_SCOPE, UNRELATED_SCOPE);
    /** The only OAuth flow the runner's token endpoint serves. */
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    /** The stack's default access-token lifetime, chosen for cost (AccessTokens). */
    public static final Duration DEFAULT_ACCESS_TOKEN_VALIDITY =
            Duration.ofMinutes(AccessTokens.DEFAULT_VALIDITY_MINUTES);
    /** Cognito's bounds for an access token's lifetime: 5 minutes to 1 day. */
    public static final Duration MIN_ACCESS_TOKEN_VALIDITY = Duration.ofMinutes(AccessTokens.MIN_VALIDITY_MINUTES);
    public static final Duration MAX_ACCESS_TOKEN_VALIDITY = Duration.ofMinutes(AccessTokens.MAX_VALIDITY_MINUTES);
    /** Where the runner keeps its app clients in DynamoDB Local (a table of the runner's own, not of the stack). */
    public static final String CLIENTS_TABLE = "local-user-pool-clients";

    private LocalUserPool() {
    }
}
