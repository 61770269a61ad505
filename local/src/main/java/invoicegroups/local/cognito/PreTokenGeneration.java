package invoicegroups.local.cognito;

import invoicegroups.table.LocalRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Cognito's pre-token-generation step for a client-credentials grant: the V3_0 event Cognito sends the trigger
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html), the trigger
 * run in-process, and its answer applied to the access token's claims and scopes.
 */
public final class PreTokenGeneration {

    /** Claims a trigger may not add, change or suppress (Cognito ignores them), per the page above. */
    static final Set<String> RESERVED_CLAIMS = Set.of("acr", "amr", "aud", "auth_time", "azp", "client_id", "exp",
            "iat", "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "scope", "sub", "token_use", "version");

    /** What the token gets: its scopes, and the claims the trigger added. */
    public record Result(List<String> scopes, Map<String, Object> claims) {
    }

    /** The trigger failed: Cognito issues no token. */
    public static final class TriggerFailed extends RuntimeException {
        TriggerFailed(String message) {
            super(message, null, false, false);
        }
    }

    private final UnaryOperator<Map<String, Object>> trigger;

    /** @param trigger the trigger's handler, e.g. {@code TenantClaimTrigger::handleRequest} */
    public PreTokenGeneration(UnaryOperator<Map<String, Object>> trigger) {
        this.trigger = trigger;
    }

    /** The V3_0 event for a client-credentials grant, as Cognito builds it. */
    public static Map<String, Object> event(String clientId, List<String> scopes) {
        Map<String, Object> callerContext = new LinkedHashMap<>();
        callerContext.put("awsSdkVersion", "aws-sdk-unknown-unknown");
        callerContext.put("clientId", clientId);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("userAttributes", new LinkedHashMap<>());
        request.put("groupConfiguration", null);
        request.put("scopes", new ArrayList<>(scopes));
        request.put("clientMetadata", new LinkedHashMap<>());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("claimsAndScopeOverrideDetails", null);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "3");
        event.put("triggerSource", "TokenGeneration_ClientCredentials");
        event.put("region", LocalRunner.REGION);
        event.put("userPoolId", LocalRunner.USER_POOL_ID);
        event.put("userName", "ClientCredentials");
        event.put("callerContext", callerContext);
        event.put("request", request);
        event.put("response", response);
        return event;
    }

    /** @throws TriggerFailed when the trigger throws, as Cognito treats a failed invocation */
    public Result run(String clientId, List<String> scopes) {
        Map<String, Object> answer;
        try {
            answer = trigger.apply(event(clientId, scopes));
        } catch (RuntimeException e) {
            throw new TriggerFailed(String.valueOf(e.getMessage()));
        }
        Map<String, Object> accessToken = map(map(map(answer, "response"), "claimsAndScopeOverrideDetails"),
                "accessTokenGeneration");
        Map<String, Object> claims = new LinkedHashMap<>();
        map(accessToken, "claimsToAddOrOverride").forEach((name, value) -> {
            if (!RESERVED_CLAIMS.contains(name) && value != null) {
                claims.put(name, value);
            }
        });
        strings(accessToken, "claimsToSuppress").forEach(claims::remove);
        List<String> granted = new ArrayList<>(scopes);
        strings(accessToken, "scopesToAdd").stream().filter(scope -> !granted.contains(scope)).forEach(granted::add);
        granted.removeAll(strings(accessToken, "scopesToSuppress"));
        return new Result(granted, claims);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String name) {
        Object value = parent == null ? null : parent.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> strings(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
