package invoicegroups.local.cognito;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An app client of the local user pool, with the fields of Cognito's {@code UserPoolClientType} the runner uses.
 *
 * @param clientSecret {@code null} for a client made without {@code GenerateSecret}
 * @param accessTokenValidity the client's own access-token lifetime; empty: the pool's default
 */
public record UserPoolClient(
        String clientId,
        String clientName,
        String clientSecret,
        List<String> allowedOAuthFlows,
        List<String> allowedOAuthScopes,
        boolean allowedOAuthFlowsUserPoolClient,
        Optional<Duration> accessTokenValidity,
        Instant creationDate,
        Instant lastModifiedDate) {

    public UserPoolClient {
        allowedOAuthFlows = List.copyOf(allowedOAuthFlows);
        allowedOAuthScopes = List.copyOf(allowedOAuthScopes);
    }

    /** Whether the client may use the client-credentials grant, as Cognito decides it. */
    public boolean mayUseClientCredentials() {
        return clientSecret != null && allowedOAuthFlowsUserPoolClient
                && allowedOAuthFlows.contains(LocalUserPool.CLIENT_CREDENTIALS);
    }
}
