package invoicegroups.local.cognito;

import invoicegroups.local.cognito.CognitoApiException.Type;
import invoicegroups.table.LocalRunner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subset of Cognito's user-pool-client API the {@code tenants} command uses, over AWS's JSON 1.1 protocol
 * ({@code POST /} with {@code X-Amz-Target: AWSCognitoIdentityProviderService.<operation>}): CreateUserPoolClient,
 * DescribeUserPoolClient, ListUserPoolClients and DeleteUserPoolClient, on the one local user pool. Request and
 * response fields and the constraints checked are those of Cognito's API reference
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html).
 */
public final class UserPoolApi {

    public static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** ListUserPoolClients' MaxResults: 1 to 60. */
    static final int MAX_RESULTS = 60;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    /** Cognito's {@code [\w+]+}, plus {@code .}, {@code :} and {@code -} so the demo clients' readable ids work. */
    private static final Pattern CLIENT_ID = Pattern.compile("[\\w+.:-]{1,128}");
    private static final Pattern CLIENT_NAME = Pattern.compile("[\\w\\s+=,.@-]{1,128}");
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    /** Cognito's client ids: 26 lower-case letters and digits; its secrets: 51. */
    private static final int ID_LENGTH = 26;
    private static final int SECRET_LENGTH = 51;

    private final UserPoolClients clients;
    private final RequestRateLimit rateLimit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public UserPoolApi(UserPoolClients clients, RequestRateLimit rateLimit, Clock clock) {
        this.clients = clients;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    /**
     * @param target the {@code X-Amz-Target} header
     * @return the response body (JSON)
     * @throws CognitoApiException for whatever Cognito would refuse
     */
    public String call(String target, byte[] body) {
        if (!rateLimit.tryAcquire()) {
            throw new CognitoApiException(Type.TOO_MANY_REQUESTS, "Too many requests");
        }
        String operation = target.substring(TARGET_PREFIX.length());
        JsonNode request = parse(body);
        return switch (operation) {
            case "CreateUserPoolClient" -> create(request);
            case "DescribeUserPoolClient" -> describe(request);
            case "ListUserPoolClients" -> list(request);
            case "DeleteUserPoolClient" -> delete(request);
            default -> throw new CognitoApiException(Type.UNKNOWN_OPERATION,
                    "the local runner serves CreateUserPoolClient, DescribeUserPoolClient, ListUserPoolClients"
                            + " and DeleteUserPoolClient");
        };
    }

    private String create(JsonNode request) {
        pool(request);
        String name = string(request, "ClientName").orElseThrow(() -> missing("ClientName"));
        if (!CLIENT_NAME.matcher(name).matches()) {
            throw CognitoApiException.invalidParameter(
                    "ClientName must be 1 to 128 of letters, digits, spaces and + = , . @ -");
        }
        boolean secret = bool(request, "GenerateSecret");
        boolean oauth = bool(request, "AllowedOAuthFlowsUserPoolClient");
        List<String> flows = strings(request, "AllowedOAuthFlows");
        List<String> scopes = strings(request, "AllowedOAuthScopes");
        for (String flow : flows) {
            if (!flow.equals(LocalUserPool.CLIENT_CREDENTIALS)) {
                throw CognitoApiException.invalidParameter(
                        "AllowedOAuthFlows: the local runner serves only client_credentials");
            }
        }
        for (String scope : scopes) {
            if (!LocalUserPool.SCOPES.contains(scope)) {
                throw new CognitoApiException(Type.SCOPE_DOES_NOT_EXIST,
                        "Invalid scope requested: the pool's scopes are " + String.join(" ", LocalUserPool.SCOPES));
            }
        }
        if (!flows.isEmpty() && !secret) {
            throw new CognitoApiException(Type.INVALID_OAUTH_FLOW,
                    "client_credentials flow can not be selected if client does not have a client secret.");
        }
        if (!flows.isEmpty() && (!oauth || scopes.isEmpty())) {
            throw new CognitoApiException(Type.INVALID_OAUTH_FLOW,
                    "client_credentials needs AllowedOAuthFlowsUserPoolClient true and at least one custom scope");
        }
        Optional<Duration> validity = accessTokenValidity(request);
        Instant now = clock.instant();
        UserPoolClient client;
        do {
            client = new UserPoolClient(randomString(ID_LENGTH), name, secret ? randomString(SECRET_LENGTH) : null,
                    flows, scopes, oauth, validity, now, now);
        } while (!clients.add(client));
        return write(Map.of("UserPoolClient", clientType(client)));
    }

    private String describe(JsonNode request) {
        pool(request);
        UserPoolClient client = existing(request);
        return write(Map.of("UserPoolClient", clientType(client)));
    }

    private String delete(JsonNode request) {
        pool(request);
        String clientId = clientId(request);
        if (!clients.delete(clientId)) {
            throw notFound(clientId);
        }
        return "{}";
    }

    private String list(JsonNode request) {
        pool(request);
        int max = MAX_RESULTS;
        JsonNode maxResults = request.get("MaxResults");
        if (maxResults != null && !maxResults.isNull()) {
            if (!maxResults.isIntegralNumber() || maxResults.asLong() < 1 || maxResults.asLong() > MAX_RESULTS) {
                throw CognitoApiException.invalidParameter("MaxResults must be from 1 to " + MAX_RESULTS);
            }
            max = maxResults.asInt();
        }
        Optional<String> after = string(request, "NextToken").map(UserPoolApi::clientIdOf);
        UserPoolClients.Page page = clients.page(max, after);
        List<Map<String, Object>> descriptions = new ArrayList<>();
        for (UserPoolClient client : page.clients()) {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("ClientId", client.clientId());
            description.put("UserPoolId", LocalRunner.USER_POOL_ID);
            description.put("ClientName", client.clientName());
            descriptions.add(description);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("UserPoolClients", descriptions);
        page.lastClientId().ifPresent(last -> response.put("NextToken", nextToken(last)));
        return write(response);
    }

    static String nextToken(String lastClientId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastClientId.getBytes(StandardCharsets.UTF_8));
    }

    private static String clientIdOf(String nextToken) {
        try {
            String clientId = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            if (CLIENT_ID.matcher(clientId).matches()) {
                return clientId;
            }
        } catch (IllegalArgumentException notOurs) {
            // falls through
        }
        throw CognitoApiException.invalidParameter("NextToken is not valid: pass the one the previous page returned");
    }

    private static void pool(JsonNode request) {
        String poolId = string(request, "UserPoolId").orElseThrow(() -> missing("UserPoolId"));
        if (poolId.length() > 55 || !POOL_ID.matcher(poolId).matches()) {
            throw CognitoApiException.invalidParameter("UserPoolId must match [\\w-]+_[0-9a-zA-Z]+ (at most 55 characters)");
        }
        if (!poolId.equals(LocalRunner.USER_POOL_ID)) {
            throw new CognitoApiException(Type.RESOURCE_NOT_FOUND, "User pool " + poolId + " does not exist.");
        }
    }

    private UserPoolClient existing(JsonNode request) {
        String clientId = clientId(request);
        return clients.find(clientId).orElseThrow(() -> notFound(clientId));
    }

    private static String clientId(JsonNode request) {
        String clientId = string(request, "ClientId").orElseThrow(() -> missing("ClientId"));
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw CognitoApiException.invalidParameter("ClientId must be 1 to 128 letters, digits and _ + . : -");
        }
        return clientId;
    }

    private static CognitoApiException notFound(String clientId) {
        return new CognitoApiException(Type.RESOURCE_NOT_FOUND, "User pool client " + clientId + " does not exist.");
    }

    /** AccessTokenValidity in TokenValidityUnits.AccessToken (default hours), within Cognito's 5 minutes to 1 day. */
    private static Optional<Duration> accessTokenValidity(JsonNode request) {
        JsonNode value = request.get("AccessTokenValidity");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber()) {
            throw CognitoApiException.invalidParameter("AccessTokenValidity must be a whole number");
        }
        JsonNode units = request.get("TokenValidityUnits");
        String unit = units == null || units.get("AccessToken") == null || units.get("AccessToken").isNull()
                ? "hours" : units.get("AccessToken").asString();
        Duration validity = switch (unit) {
            case "seconds" -> Duration.ofSeconds(value.asLong());
            case "minutes" -> Duration.ofMinutes(value.asLong());
            case "hours" -> Duration.ofHours(value.asLong());
            case "days" -> Duration.ofDays(value.asLong());
            default -> throw CognitoApiException.invalidParameter(
                    "TokenValidityUnits.AccessToken must be seconds, minutes, hours or days");
        };
        if (validity.compareTo(LocalUserPool.MIN_ACCESS_TOKEN_VALIDITY) < 0
                || validity.compareTo(LocalUserPool.MAX_ACCESS_TOKEN_VALIDITY) > 0) {
            throw CognitoApiException.invalidParameter("AccessTokenValidity must be from 5 minutes to 1 day");
        }
        return Optional.of(validity);
    }

    /** Cognito's UserPoolClientType, with the fields the runner keeps. */
    private static Map<String, Object> clientType(UserPoolClient client) {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("UserPoolId", LocalRunner.USER_POOL_ID);
        type.put("ClientName", client.clientName());
        type.put("ClientId", client.clientId());
        if (client.clientSecret() != null) {
            type.put("ClientSecret", client.clientSecret());
        }
        type.put("LastModifiedDate", client.lastModifiedDate().getEpochSecond());
        type.put("CreationDate", client.creationDate().getEpochSecond());
        client.accessTokenValidity().ifPresent(validity -> {
            boolean minutes = validity.toSeconds() % 60 == 0;
            type.put("AccessTokenValidity", minutes ? validity.toMinutes() : validity.toSeconds());
            type.put("TokenValidityUnits", Map.of("AccessToken", minutes ? "minutes" : "seconds"));
        });
        type.put("AllowedOAuthFlows", client.allowedOAuthFlows());
        type.put("AllowedOAuthScopes", client.allowedOAuthScopes());
        type.put("AllowedOAuthFlowsUserPoolClient", client.allowedOAuthFlowsUserPoolClient());
        return type;
    }

    private String randomString(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(chars);
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode) {
                return node;
            }
        } catch (JacksonException e) {
            // falls through
        }
        throw new CognitoApiException(Type.SERIALIZATION, "the request body is not a JSON object");
    }

    private static Optional<String> string(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw CognitoApiException.invalidParameter(field + " must be a string");
        }
        return Optional.of(value.stringValue());
    }

    private static boolean bool(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw CognitoApiException.invalidParameter(field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static List<String> strings(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!(value instanceof ArrayNode array)) {
            throw CognitoApiException.invalidParameter(field + " must be a list of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isString()) {
                throw CognitoApiException.invalidParameter(field + " must be a list of strings");
            }
            if (!strings.contains(element.stringValue())) {
                strings.add(element.stringValue());
            }
        }
        return strings;
    }

    private static CognitoApiException missing(String field) {
        return CognitoApiException.invalidParameter("1 validation error detected: " + field + " must not be null");
    }

    private static String write(Object response) {
        return JSON.writeValueAsString(response);
    }
}
