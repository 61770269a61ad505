package invoicegroups.ops.tenants;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import invoicegroups.lambdacontext.QueryStrings;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway's management API for API keys and usage plans, simulated: API Gateway cannot run here. It speaks the
 * REST-JSON protocol the SDK's apigateway client sends, the subset the {@code tenants} command uses: POST /apikeys
 * (CreateApiKey), GET /apikeys (GetApiKeys: {@code name} prefix, {@code includeValues}, {@code position},
 * {@code limit}), DELETE /apikeys/{id}, GET /usageplans (GetUsagePlans), POST /usageplans/{id}/keys
 * (CreateUsagePlanKey: ConflictException when the key is in another usage plan of the same API stage, as API Gateway
 * allows one), DELETE /usageplans/{id}/keys/{keyId}, GET /usageplans/{id}/keys (GetUsagePlanKeys). Errors as API
 * Gateway sends them: the status, header {@code x-amzn-ErrorType} and {@code {"message": ...}}. It also simulates what
 * we could not provoke on AWS in a build: throttling, denials and the 10,000-keys-per-Region limit ({@link #keyLimit}).
 *
 * <p>Mounted on the {@link CognitoStandIn}'s port, as the local runner serves it on its one port.
 */
final class ApiGatewayStandIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An API key: id, name, value. */
    record Key(String id, String name, String value) {
    }

    /** A usage plan of one API stage with its limits and its keys. */
    record Plan(String id, String name, String apiId, double rate, int burst, Long quota, Set<String> keys) {
    }

    final Map<String, Key> keys = new ConcurrentHashMap<>();
    final Map<String, Plan> plans = new ConcurrentHashMap<>();
    /** The usage plan tagged as the deployment's default plan ({@code Plan.DEFAULT_PLAN_TAG}), or null for none. */
    volatile String defaultPlanId = "up-standard";
    /** CreateApiKey answers LimitExceededException while the account holds this many keys. */
    volatile int keyLimit = 10_000;
    private final BiPredicate<String, HttpExchange> failures;

    /** @param failures answers an operation's injected failure itself and returns true, or returns false */
    ApiGatewayStandIn(BiPredicate<String, HttpExchange> failures) {
        this.failures = failures;
        plan("up-standard", "standard", "local", 10, 20, null);
        plan("up-premium", "premium", "local", 50, 100, 1_000_000L);
        plan("up-other-api", "standard", "another-api", 1, 1, null);
    }

    void mount(HttpServer server) {
        server.createContext("/apikeys", this::handle);
        server.createContext("/usageplans", this::handle);
    }

    void plan(String id, String name, String apiId, double rate, int burst, Long quota) {
        plans.put(id, new Plan(id, name, apiId, rate, burst, quota, ConcurrentHashMap.newKeySet()));
    }

    /** The usage plans of API {@code local} holding the key, by plan name. */
    List<String> plansOf(String keyId) {
        return plans.values().stream().filter(plan -> plan.apiId().equals("local") && plan.keys().contains(keyId))
                .map(Plan::name).sorted().toList();
    }

    /** A key made outside the command (e.g. to fill the account to its limit). */
    Key seedKey(String name) {
        Key key = new Key(random(10), name, random(40));
        keys.put(key.id(), key);
        return key;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String[] path = exchange.getRequestURI().getRawPath().substring(1).split("/");
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = operation(method, path);
            if (failures.test(operation, exchange)) {
                return;
            }
            switch (operation) {
                case "CreateApiKey" -> createApiKey(exchange, JSON.readTree(body));
                case "GetApiKeys" -> getApiKeys(exchange, query);
                case "DeleteApiKey" -> {
                    Key removed = keys.remove(path[1]);
                    if (removed == null) {
                        error(exchange, 404, "NotFoundException", "Invalid API Key identifier specified");
                    } else {
                        plans.values().forEach(plan -> plan.keys().remove(removed.id()));
                        reply(exchange, 202, null);
                    }
                }
                case "GetUsagePlans" -> page(exchange, query, new ArrayList<>(new TreeMap<>(plans).values()),
                        this::usagePlan);
                case "CreateUsagePlanKey" -> createUsagePlanKey(exchange, path[1], JSON.readTree(body));
                case "DeleteUsagePlanKey" -> {
                    Plan plan = plans.get(path[1]);
                    if (plan == null || !plan.keys().remove(path[3])) {
                        error(exchange, 404, "NotFoundException", "Invalid Usage Plan Key identifier specified");
                    } else {
                        reply(exchange, 202, null);
                    }
                }
                case "GetUsagePlanKeys" -> {
                    Plan plan = plans.get(path[1]);
                    if (plan == null) {
                        error(exchange, 404, "NotFoundException", "Invalid Usage Plan ID specified");
                    } else {
                        List<Key> in = plan.keys().stream().sorted().map(keys::get).filter(key -> key != null)
                                .toList();
                        page(exchange, query, in, key -> JSON.createObjectNode().put("id", key.id())
                                .put("type", "API_KEY").put("name", key.name()).put("value", key.value()));
                    }
                }
                default -> error(exchange, 404, "NotFoundException", "not simulated: " + method + " " + operation);
            }
        }
    }

    static String operation(String method, String[] path) {
        if (path[0].equals("apikeys")) {
            return path.length == 1 ? (method.equals("POST") ? "CreateApiKey" : "GetApiKeys")
                    : method.equals("DELETE") ? "DeleteApiKey" : "GetApiKey";
        }
        if (path.length == 1) {
            return "GetUsagePlans";
        }
        if (path.length == 3) {
            return method.equals("POST") ? "CreateUsagePlanKey" : "GetUsagePlanKeys";
        }
        return method.equals("DELETE") ? "DeleteUsagePlanKey" : "GetUsagePlanKey";
    }

    private void createApiKey(HttpExchange exchange, JsonNode request) throws IOException {
        if (keys.size() >= keyLimit) {
            error(exchange, 429, "LimitExceededException", "API Key limit exceeded");
            return;
        }
        Key key = new Key(random(10), request.path("name").asString(), random(40));
        keys.put(key.id(), key);
        reply(exchange, 201, JSON.createObjectNode().put("id", key.id()).put("name", key.name())
                .put("value", key.value()).put("enabled", true));
    }

    private void getApiKeys(HttpExchange exchange, Map<String, String> query) throws IOException {
        String prefix = query.getOrDefault("name", "");
        boolean values = "true".equals(query.get("includeValues"));
        List<Key> matching = new TreeMap<>(keys).values().stream().filter(key -> key.name().startsWith(prefix))
                .toList();
        page(exchange, query, matching, key -> {
            ObjectNode node = JSON.createObjectNode().put("id", key.id()).put("name", key.name()).put("enabled", true);
            return values ? node.put("value", key.value()) : node;
        });
    }

    private void createUsagePlanKey(HttpExchange exchange, String planId, JsonNode request) throws IOException {
        Plan plan = plans.get(planId);
        String keyId = request.path("keyId").asString();
        Key key = keys.get(keyId);
        if (plan == null || key == null) {
            error(exchange, 404, "NotFoundException", "Invalid Usage Plan ID or API Key identifier specified");
            return;
        }
        boolean elsewhere = plans.values().stream().anyMatch(other -> other != plan
                && other.apiId().equals(plan.apiId()) && other.keys().contains(keyId));
        if (plan.keys().contains(keyId) || elsewhere) {
            error(exchange, 409, "ConflictException", "Usage Plan " + planId + " cannot be added because API Key "
                    + keyId + " cannot reference multiple Usage Plans with the same API Stage");
            return;
        }
        plan.keys().add(keyId);
        reply(exchange, 201, JSON.createObjectNode().put("id", keyId).put("type", "API_KEY").put("name", key.name())
                .put("value", key.value()));
    }

    private ObjectNode usagePlan(Plan plan) {
        ObjectNode node = JSON.createObjectNode().put("id", plan.id()).put("name", plan.name());
        node.putArray("apiStages").addObject().put("apiId", plan.apiId()).put("stage", plan.apiId());
        node.putObject("throttle").put("rateLimit", plan.rate()).put("burstLimit", plan.burst());
        if (plan.quota() != null) {
            node.putObject("quota").put("limit", plan.quota()).put("offset", 0).put("period", "MONTH");
        }
        if (plan.id().equals(defaultPlanId)) {
            node.putObject("tags").put(invoicegroups.table.Plan.DEFAULT_PLAN_TAG,
                    invoicegroups.table.Plan.DEFAULT_PLAN_TAG_VALUE);
        }
        return node;
    }

    /** API Gateway's paging: {@code limit} (default 25, at most 500) and an opaque {@code position}. */
    private static <T> void page(HttpExchange exchange, Map<String, String> query, List<T> all,
            java.util.function.Function<T, ObjectNode> json) throws IOException {
        int limit = Math.min(500, Integer.parseInt(query.getOrDefault("limit", "25")));
        int from = Integer.parseInt(query.getOrDefault("position", "0"));
        ObjectNode response = JSON.createObjectNode();
        ArrayNode items = response.putArray("item");
        all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size())).forEach(item ->
                items.add(json.apply(item)));
        if (from + limit < all.size()) {
            response.put("position", Integer.toString(from + limit));
        }
        reply(exchange, 200, response);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = QueryStrings.lastValues(QueryStrings.multiValue(raw));
        return query == null ? Map.of() : query;
    }

    static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        reply(exchange, status, JSON.createObjectNode().put("message", message));
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String random(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
