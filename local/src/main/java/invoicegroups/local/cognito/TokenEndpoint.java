package invoicegroups.local.cognito;

import invoicegroups.lambdacontext.QueryStrings;
import invoicegroups.local.server.HttpReply;
import invoicegroups.local.server.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /oauth2/token} as Cognito's token endpoint answers it: a form body, client authentication by HTTP Basic
 * or in the body,
 * {@code {"access_token", "expires_in", "token_type"}} or {@code {"error": "..."}}.
 */
public final class TokenEndpoint {

    public static final String PATH = "/oauth2/token";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClientCredentialsGrant grant;

    public TokenEndpoint(ClientCredentialsGrant grant) {
        this.grant = grant;
    }

    /** @return the answer to send */
    public HttpReply handle(HttpRequest exchange) {
        if (!exchange.method().equals("POST")) {
            return error(new OAuthException(405, "invalid_request")).with("Allow", "POST");
        }
        try {
            String contentType = exchange.header("Content-Type");
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
                throw OAuthException.invalidRequest();
            }
            Map<String, String> form = form(new String(exchange.body(), StandardCharsets.UTF_8));
            ClientCredentialsGrant.Granted granted = grant.accessToken(exchange.header("Authorization"), form);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", granted.accessToken());
            body.put("expires_in", granted.validity().toSeconds());
            body.put("token_type", "Bearer");
            return HttpReply.of(200, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body))
                    .with("Cache-Control", "no-store");
        } catch (OAuthException refused) {
            return error(refused);
        }
    }

    private static HttpReply error(OAuthException refused) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", refused.error());
        if (refused.description() != null) {
            body.put("error_description", refused.description());
        }
        HttpReply reply = HttpReply.json(refused.status(), JSON.writeValueAsString(body));
        return refused.status() == 401 ? reply.with("WWW-Authenticate", "Basic") : reply;
    }

    /** Decoded form parameters; a repeated one or a malformed escape is an invalid request (RFC 6749, section 3.2). */
    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (Map.Entry<String, String> pair : QueryStrings.pairs(body, TokenEndpoint::decode)) {
            if (form.put(pair.getKey(), pair.getValue()) != null) {
                throw OAuthException.invalidRequest();
            }
        }
        return form;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw OAuthException.invalidRequest();
        }
    }
}
