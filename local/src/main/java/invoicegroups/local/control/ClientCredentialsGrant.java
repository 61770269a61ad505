package invoicegroups.local.control;

import invoicegroups.local.entity.DemoClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth 2.0 client-credentials grant as Cognito's {@code /oauth2/token} runs it: the client authenticates with
 * HTTP Basic, asks for {@code grant_type=client_credentials} and, optionally, some of its allowed scopes (none asked:
 * all of them). As the stack's pre-token-generation trigger does, the tenant claim comes from the one
 * {@code tenant/<id>} scope granted: a request that leaves it out while naming other scopes gets no token.
 */
public final class ClientCredentialsGrant {

    public static final String GRANT_TYPE = "client_credentials";

    private final TokenIssuer issuer;

    public ClientCredentialsGrant(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    /**
     * @param authorization the request's Authorization header, or {@code null}
     * @param form the decoded form parameters
     * @return a signed access token
     * @throws OAuthException when Cognito would refuse the request
     */
    public String accessToken(String authorization, Map<String, String> form) {
        DemoClient client = authenticate(authorization);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw OAuthException.invalidRequest();
        }
        if (!GRANT_TYPE.equals(grantType)) {
            throw new OAuthException(400, "unsupported_grant_type");
        }
        List<String> requested = Optional.ofNullable(form.get("scope"))
                .map(scope -> Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).distinct().toList())
                .filter(scopes -> !scopes.isEmpty())
                .orElse(client.allowedScopes());
        if (!client.allowedScopes().containsAll(requested)) {
            throw new OAuthException(400, "invalid_scope");
        }
        if (DemoClients.tenantOf(requested).isEmpty()) {
            // Deployed, the pre-token-generation trigger fails here and Cognito issues no token.
            throw new OAuthException(400, "invalid_request", "no " + DemoClients.TENANT_RESOURCE_SERVER
                    + "/<tenant id> scope granted: leave scope out, or ask for both, e.g. scope=\""
                    + DemoClients.READ_SCOPE + " " + DemoClients.TENANT_RESOURCE_SERVER + "/" + client.tenantId() + "\"");
        }
        return issuer.accessToken(client, requested);
    }

    private static DemoClient authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, "Basic ".length())) {
            throw new OAuthException(401, "invalid_client");
        }
        String credentials;
        try {
            credentials = new String(
                    Base64.getDecoder().decode(authorization.substring("Basic ".length()).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new OAuthException(401, "invalid_client");
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            throw new OAuthException(401, "invalid_client");
        }
        String secret = credentials.substring(colon + 1);
        return DemoClients.find(credentials.substring(0, colon))
                .filter(client -> MessageDigest.isEqual(
                        client.clientSecret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(() -> new OAuthException(401, "invalid_client"));
    }
}
