package invoicegroups.local.apigateway;

import invoicegroups.lambdacontext.QueryStrings;
import invoicegroups.local.server.HttpReply;
import invoicegroups.local.server.HttpRequest;
import invoicegroups.table.LocalRunner;
import invoicegroups.table.Plan;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of API Gateway's management API (REST-JSON, https://docs.aws.amazon.com/apigateway/latest/api/) the
 * operator command uses, on the runner's port, so the AWS SDK's {@code ApiGatewayClient} reaches it with
 * {@code endpointOverride}: CreateApiKey ({@code POST /apikeys}, 201), GetApiKeys ({@code GET /apikeys}: {@code name}
 * prefix, {@code includeValues}, {@code position}, {@code limit}), GetApiKey, UpdateApiKey ({@code PATCH}: name,
 * description, enabled), DeleteApiKey (202), GetUsagePlans ({@code keyId}, paged), GetUsagePlan, CreateUsagePlanKey
 * ({@code POST /usageplans/{id}/keys}, 201), GetUsagePlanKeys ({@code name} prefix, paged), GetUsagePlanKey and
 * DeleteUsagePlanKey (202).
 *
 * <p>The usage plans are the configured plans ({@code --plans}), each of REST API {@value LocalRunner#REST_API_ID}
 * stage {@value LocalRunner#STAGE}, read only here (the stack owns them on AWS); the keys and the usage-plan keys are
 * the {@link ApiKeyStore}'s. Errors as API Gateway sends them: the status, {@code x-amzn-ErrorType} and
 * {@code {"message": ...}}.
 */
public final class ManagementApi {

    public static final String API_KEYS = "/apikeys";
    public static final String USAGE_PLANS = "/usageplans";
    /** API Gateway's page size: 25 unless asked, at most 500. */
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiKeyStore keys;
    private final Map<String, UsagePlan> plans;
    private final String defaultPlan;

    /**
     * @param plans the stage's usage plans by id
     * @param defaultPlan the name of the plan whose usage plan carries {@link Plan#DEFAULT_PLAN_TAG}, as the stack
     *         tags its default plan's
     */
    public ManagementApi(ApiKeyStore keys, Map<String, UsagePlan> plans, String defaultPlan) {
        this.keys = keys;
        this.plans = Map.copyOf(plans);
        this.defaultPlan = defaultPlan;
    }

    /** Whether a path is this API's (the server routes those here). */
    public static boolean serves(String path) {
        return path.equals(API_KEYS) || path.startsWith(API_KEYS + "/") || path.equals(USAGE_PLANS)
                || path.startsWith(USAGE_PLANS + "/");
    }

    public HttpReply handle(HttpRequest request) {
        try {
            return route(request);
        } catch (ManagementException e) {
            return error(e.type().status(), e.type().code(), e.getMessage());
        }
    }

    /** An answer in this API's error shape: status, {@code x-amzn-ErrorType}, {@code {"message"}}. */
    public static HttpReply error(int status, String type, String message) {
        ObjectNode body = JSON.createObjectNode().put("message", message);
        return reply(status, body).with("x-amzn-ErrorType", type);
    }

    private HttpReply route(HttpRequest request) {
        List<String> path = segments(request.rawPath());
        Map<String, String> query = query(request.rawQuery());
        String method = request.method();
        boolean apiKeys = path.get(0).equals("apikeys");
        switch (path.size()) {
            case 1 -> {
                if (apiKeys && method.equals("POST")) {
                    return createApiKey(body(request));
                }
                if (apiKeys && method.equals("GET")) {
                    return getApiKeys(query);
                }
                if (!apiKeys && method.equals("GET")) {
                    return getUsagePlans(query);
                }
            }
            case 2 -> {
                String id = path.get(1);
                if (apiKeys) {
                    switch (method) {
                        case "GET" -> {
                            return reply(200, apiKey(key(id), "true".equals(query.get("includeValue"))));
                        }
                        case "PATCH" -> {
                            return updateApiKey(id, body(request));
                        }
                        case "DELETE" -> {
                            keys.delete(id);
                            return reply(202, null);
                        }
                        default -> {
                        }
                    }
                } else if (method.equals("GET")) {
                    return reply(200, usagePlan(plan(id)));
                }
            }
            case 3 -> {
                if (!apiKeys && path.get(2).equals("keys")) {
                    UsagePlan plan = plan(path.get(1));
                    if (method.equals("POST")) {
                        return createUsagePlanKey(plan, body(request));
                    }
                    if (method.equals("GET")) {
                        return getUsagePlanKeys(plan, query);
                    }
                }
            }
            case 4 -> {
                if (!apiKeys && path.get(2).equals("keys")) {
                    UsagePlan plan = plan(path.get(1));
                    if (method.equals("GET")) {
                        ApiKey key = keys.find(path.get(3))
                                .filter(found -> found.usagePlanId().equals(Optional.of(plan.id())))
                                .orElseThrow(() -> ManagementException.notFound(
                                        "Invalid Usage Plan Key identifier specified"));
                        return reply(200, usagePlanKey(key));
                    }
                    if (method.equals("DELETE")) {
                        keys.detach(plan, path.get(3));
                        return reply(202, null);
                    }
                }
            }
            default -> {
            }
        }
        throw ManagementException.notFound("The local runner does not serve this method and path of API Gateway's"
                + " API (it serves the API keys and usage-plan keys the tenants command uses)");
    }

    private HttpReply createApiKey(JsonNode body) {
        String name = text(body, "name");
        String description = text(body, "description");
        String value = text(body, "value");
        boolean enabled = bool(body, "enabled", false);
        return reply(201, apiKey(keys.create(name, description, enabled, value), true));
    }

    private HttpReply getApiKeys(Map<String, String> query) {
        String prefix = query.getOrDefault("name", "");
        boolean values = "true".equals(query.get("includeValues"));
        ApiKeyStore.Page page = keys.page(key -> key.name() != null && key.name().startsWith(prefix),
                position(query), limit(query));
        return reply(200, page(page.keys(), page.lastId(), key -> apiKey(key, values)));
    }

    /** UpdateApiKey: {@code replace} of {@code /name}, {@code /description} or {@code /enabled}. */
    private HttpReply updateApiKey(String id, JsonNode body) {
        ApiKey key = key(id);
        String name = key.name();
        String description = key.description();
        boolean enabled = key.enabled();
        JsonNode operations = body.get("patchOperations");
        if (operations != null && !operations.isNull()) {
            if (!operations.isArray()) {
                throw ManagementException.badRequest("patchOperations must be a list");
            }
            for (JsonNode operation : operations) {
                String op = operation.isObject() ? text(operation, "op") : null;
                String path = operation.isObject() ? text(operation, "path") : null;
                String value = operation.isObject() ? text(operation, "value") : null;
                if (!"replace".equals(op) || path == null) {
                    throw ManagementException.badRequest("Invalid patch operation specified: the local runner takes"
                            + " replace of /name, /description and /enabled");
                }
                switch (path) {
                    case "/name" -> name = value;
                    case "/description" -> description = value;
                    case "/enabled" -> {
                        if (!"true".equals(value) && !"false".equals(value)) {
                            throw ManagementException.badRequest("Invalid value for /enabled: true or false");
                        }
                        enabled = Boolean.parseBoolean(value);
                    }
                    default -> throw ManagementException.badRequest("Invalid patch path specified: the local runner"
                            + " takes /name, /description and /enabled");
                }
            }
        }
        return reply(200, apiKey(keys.update(key.id(), name, description, enabled), false));
    }

    private HttpReply getUsagePlans(Map<String, String> query) {
        String keyId = query.get("keyId");
        Predicate<UsagePlan> holds = keyId == null ? plan -> true
                : plan -> keys.find(keyId).flatMap(ApiKey::usagePlanId).equals(Optional.of(plan.id()));
        List<UsagePlan> sorted = plans.values().stream().filter(holds)
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        Optional<String> after = position(query);
        int limit = limit(query);
        List<UsagePlan> from = sorted.stream().filter(plan -> after.isEmpty() || plan.id().compareTo(after.get()) > 0)
                .toList();
        List<UsagePlan> shown = from.subList(0, Math.min(limit, from.size()));
        Optional<String> last = from.size() > limit ? Optional.of(shown.get(shown.size() - 1).id()) : Optional.empty();
        return reply(200, page(shown, last, this::usagePlan));
    }

    private HttpReply createUsagePlanKey(UsagePlan plan, JsonNode body) {
        String keyId = text(body, "keyId");
        String keyType = text(body, "keyType");
        if (keyId == null || keyType == null) {
            throw ManagementException.badRequest("keyId and keyType are required");
        }
        if (!keyType.equals("API_KEY")) {
            throw ManagementException.badRequest("Invalid keyType: the one key type is API_KEY");
        }
        return reply(201, usagePlanKey(keys.attach(plan, keyId)));
    }

    private HttpReply getUsagePlanKeys(UsagePlan plan, Map<String, String> query) {
        String prefix = query.getOrDefault("name", "");
        Optional<String> id = Optional.of(plan.id());
        ApiKeyStore.Page page = keys.page(key -> key.usagePlanId().equals(id)
                && (prefix.isEmpty() || key.name() != null && key.name().startsWith(prefix)), position(query),
                limit(query));
        return reply(200, page(page.keys(), page.lastId(), this::usagePlanKey));
    }

    private ApiKey key(String id) {
        return keys.find(id).orElseThrow(() -> ManagementException.notFound("Invalid API Key identifier specified"));
    }

    private UsagePlan plan(String id) {
        UsagePlan plan = plans.get(id);
        if (plan == null) {
            throw ManagementException.notFound("Invalid Usage Plan ID specified");
        }
        return plan;
    }

    private static ObjectNode apiKey(ApiKey key, boolean withValue) {
        ObjectNode node = JSON.createObjectNode().put("id", key.id());
        if (key.name() != null) {
            node.put("name", key.name());
        }
        if (key.description() != null) {
            node.put("description", key.description());
        }
        node.put("enabled", key.enabled());
        node.put("createdDate", seconds(key.createdDate()));
        node.put("lastUpdatedDate", seconds(key.lastUpdatedDate()));
        node.putArray("stageKeys");
        if (withValue) {
            node.put("value", key.value());
        }
        return node;
    }

    private ObjectNode usagePlan(UsagePlan plan) {
        ObjectNode node = JSON.createObjectNode().put("id", plan.id()).put("name", plan.name());
        node.putArray("apiStages").addObject().put("apiId", LocalRunner.REST_API_ID).put("stage", LocalRunner.STAGE);
        node.putObject("throttle").put("burstLimit", plan.plan().burstLimit()).put("rateLimit", plan.plan().rateLimit());
        plan.plan().monthlyQuota().ifPresent(quota ->
                node.putObject("quota").put("limit", quota).put("offset", 0).put("period", "MONTH"));
        ObjectNode tags = node.putObject("tags");
        if (plan.name().equals(defaultPlan)) {
            tags.put(Plan.DEFAULT_PLAN_TAG, Plan.DEFAULT_PLAN_TAG_VALUE);
        }
        return node;
    }

    private ObjectNode usagePlanKey(ApiKey key) {
        ObjectNode node = JSON.createObjectNode().put("id", key.id()).put("type", "API_KEY");
        if (key.name() != null) {
            node.put("name", key.name());
        }
        return node.put("value", key.value());
    }

    private static <T> ObjectNode page(List<T> items, Optional<String> last, Function<T, ObjectNode> json) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode array = response.putArray("item");
        items.forEach(item -> array.add(json.apply(item)));
        last.ifPresent(position -> response.put("position", position));
        return response;
    }

    /** API Gateway's timestamps: seconds since the epoch, as a number. */
    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static int limit(Map<String, String> query) {
        String limit = query.get("limit");
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw ManagementException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Optional<String> position(Map<String, String> query) {
        String position = query.get("position");
        if (position != null && (position.isEmpty() || position.length() > 128)) {
            throw ManagementException.badRequest("Invalid position");
        }
        return Optional.ofNullable(position);
    }

    /** The path's segments after the first {@code /}, each percent-decoded; never empty. */
    private static List<String> segments(String rawPath) {
        String[] raw = rawPath.substring(1).split("/", -1);
        List<String> segments = new ArrayList<>(raw.length);
        for (String segment : raw) {
            String decoded = decode(segment);
            if (decoded.isEmpty()) {
                throw ManagementException.notFound("Invalid resource path: an empty segment");
            }
            segments.add(decoded);
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        QueryStrings.pairs(rawQuery, ManagementApi::decode).forEach(pair -> query.put(pair.getKey(), pair.getValue()));
        return query;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ManagementException.badRequest("Invalid percent-encoding in the request's path or query");
        }
    }

    private static JsonNode body(HttpRequest request) {
        JsonNode body;
        try {
            body = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (JacksonException e) {
            throw ManagementException.badRequest("Could not parse request body into json");
        }
        if (body == null || !body.isObject()) {
            throw ManagementException.badRequest("The request body must be a JSON object");
        }
        return body;
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ManagementException.badRequest(field + " must be a string");
        }
        return value.stringValue();
    }

    private static boolean bool(JsonNode object, String field, boolean absent) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw ManagementException.badRequest(field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static HttpReply reply(int status, ObjectNode body) {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        return HttpReply.of(status, HttpReply.JSON, bytes).with("x-amzn-RequestId", UUID.randomUUID().toString());
    }
}
