package invoicegroups.local.cognito;

import invoicegroups.table.Messages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth 2.0 client-credentials grant as Cognito's {@code /oauth2/token} runs it: the client authenticates with
 * HTTP Basic or with {@code client_id} and {@code client_secret} in the body, asks for
 * {@code grant_type=client_credentials} and, optionally, some of its allowed scopes (none asked: all of them); then
 * the pre-token-generation trigger runs, and if it fails there is no token.
 */
public final class ClientCredentialsGrant {

    /** A granted access token and how long it lives. */
    public record Granted(String accessToken, Duration validity) {
    }

    private final UserPoolClients clients;
    private final PreTokenGeneration preTokenGeneration;
    private final TokenIssuer issuer;
    private final Duration defaultValidity;

    /** @param defaultValidity the access-token lifetime of clients that set none of their own */
    public ClientCredentialsGrant(UserPoolClients clients, PreTokenGeneration preTokenGeneration, TokenIssuer issuer,
            Duration defaultValidity) {
        this.clients = clients;
        this.preTokenGeneration = preTokenGeneration;
        this.issuer = issuer;
        this.defaultValidity = defaultValidity;
    }

    /**
     * @param authorization the request's Authorization header, or {@code null}
     * @param form the decoded form parameters
     * @throws OAuthException when Cognito would refuse the request
     */
    public Granted accessToken(String authorization, Map<String, String> form) {
        UserPoolClient client = authenticate(authorization, form);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw OAuthException.invalidRequest();
        }
        if (!LocalUserPool.CLIENT_CREDENTIALS.equals(grantType)) {
            throw new OAuthException(400, "unsupported_grant_type");
        }
        if (!client.mayUseClientCredentials()) {
            throw new OAuthException(400, "unauthorized_client");
        }
        List<String> requested = Optional.ofNullable(form.get("scope"))
                .map(scope -> Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).distinct().toList())
                .filter(scopes -> !scopes.isEmpty())
                .orElse(client.allowedOAuthScopes());
        if (!client.allowedOAuthScopes().containsAll(requested)) {
            throw new OAuthException(400, "invalid_scope");
        }
        PreTokenGeneration.Result result;
        try {
            result = preTokenGeneration.run(client.clientId(), requested);
        } catch (PreTokenGeneration.TriggerFailed failed) {
            // Cognito's OAuth endpoints report a failed trigger as invalid_request, its description naming the
            // trigger ("PreTokenGeneration failed with error <the trigger's message>.").
            throw new OAuthException(400, "invalid_request", "PreTokenGeneration failed with error "
                    + Messages.firstLine(failed.getMessage(), 200) + ".");
        }
        Duration validity = client.accessTokenValidity().orElse(defaultValidity);
        return new Granted(issuer.accessToken(client.clientId(), result.scopes(), result.claims(), validity), validity);
    }

    private UserPoolClient authenticate(String authorization, Map<String, String> form) {
        boolean inBody = form.containsKey("client_id") || form.containsKey("client_secret");
        String clientId;
        String secret;
        if (authorization != null) {
            if (inBody) {
                // RFC 6749, section 2.3: one authentication method per request.
                throw OAuthException.invalidRequest();
            }
            if (!authorization.regionMatches(true, 0, "Basic ", 0, "Basic ".length())) {
                throw invalidClient();
            }
            String credentials;
            try {
                credentials = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length()).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                throw invalidClient();
            }
            int colon = credentials.indexOf(':');
            if (colon < 0) {
                throw invalidClient();
            }
            clientId = credentials.substring(0, colon);
            secret = credentials.substring(colon + 1);
        } else if (inBody) {
            clientId = form.get("client_id");
            secret = form.get("client_secret");
        } else {
            throw invalidClient();
        }
        // 128 is Cognito's bound; a demo client of a 128-character tenant id is "<tenant>-demo", a little longer.
        if (clientId == null || secret == null || clientId.isEmpty() || clientId.length() > 256) {
            throw invalidClient();
        }
        return clients.find(clientId)
                .filter(client -> client.clientSecret() != null && MessageDigest.isEqual(
                        client.clientSecret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(ClientCredentialsGrant::invalidClient);
    }

    private static OAuthException invalidClient() {
        return new OAuthException(401, "invalid_client");
    }
}
