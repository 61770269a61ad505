package invoicegroups.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import invoicegroups.table.Plan;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code plans} context setting: a JSON object of plan name to limits, the format the local runner's
 * {@code --plans} reads too, e.g. {@code {"standard": {"rateLimit": 10, "burstLimit": 20}, "premium": {"rateLimit":
 * 50, "burstLimit": 100, "monthlyQuota": 1000000}}}. In cdk.json it is an object; with {@code -c plans=...} a string
 * holding one. Each plan becomes an API Gateway usage plan, so its limits are checked against what API Gateway takes.
 */
final class PlansSetting {

    static final String RATE_LIMIT = "rateLimit";
    static final String BURST_LIMIT = "burstLimit";
    static final String MONTHLY_QUOTA = "monthlyQuota";
    static final Set<String> FIELDS = Set.of(RATE_LIMIT, BURST_LIMIT, MONTHLY_QUOTA);

    /**
     * Per-client (usage plan) limits cannot be higher than the account's: 10,000 requests per second and a burst of
     * 5,000 by default, per account and Region
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html,
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
     */
    static final int MAX_RATE_LIMIT = 10_000;
    static final int MAX_BURST_LIMIT = 5_000;
    /** A usage plan's quota limit is an Integer in API Gateway's API (QuotaSettings.limit). */
    static final long MAX_MONTHLY_QUOTA = Integer.MAX_VALUE;
    /** Usage plans per account per Region: 300 (limits.html above); the account's other APIs share them. */
    static final int MAX_PLANS = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlansSetting() {
    }

    /** The plans by name (sorted, so every synth writes them in the same order). */
    static Map<String, Plan> parse(Object value) {
        JsonNode plans = tree(value);
        require(plans.isObject() && !plans.isEmpty(), "must be a JSON object of plan name to limits, with at least one plan");
        require(plans.size() <= MAX_PLANS, "holds " + plans.size() + " plans; API Gateway allows " + MAX_PLANS
                + " usage plans per account and Region");
        Map<String, Plan> byName = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : plans.properties()) {
            byName.put(entry.getKey(), plan(entry.getKey(), entry.getValue()));
        }
        return byName;
    }

    private static Plan plan(String name, JsonNode limits) {
        require(Plan.NAME.matcher(name).matches(),
                "plan names must be a lower-case letter, then lower-case letters, digits or '-' (at most 32)");
        require(limits.isObject(), "plan " + name + " must be an object with " + RATE_LIMIT + ", " + BURST_LIMIT
                + " and optionally " + MONTHLY_QUOTA);
        limits.properties().forEach(field -> require(FIELDS.contains(field.getKey()),
                "plan " + name + " has an unknown field (only " + RATE_LIMIT + ", " + BURST_LIMIT + ", " + MONTHLY_QUOTA + ")"));
        JsonNode rate = limits.get(RATE_LIMIT);
        require(rate != null && rate.isNumber() && rate.asDouble() > 0 && rate.asDouble() <= MAX_RATE_LIMIT,
                "plan " + name + ": " + RATE_LIMIT + " must be a number of requests per second above 0 and at most "
                        + MAX_RATE_LIMIT + " (API Gateway: no higher than the account's limit)");
        long burst = whole(limits.get(BURST_LIMIT), 1, MAX_BURST_LIMIT, name, BURST_LIMIT,
                "(API Gateway: no higher than the account's burst)");
        JsonNode quota = limits.get(MONTHLY_QUOTA);
        OptionalLong monthly = quota == null || quota.isNull() ? OptionalLong.empty()
                : OptionalLong.of(whole(quota, 1, MAX_MONTHLY_QUOTA, name, MONTHLY_QUOTA, "(API Gateway's quota limit)"));
        return new Plan(name, rate.asDouble(), (int) burst, monthly);
    }

    private static long whole(JsonNode value, long min, long max, String plan, String field, String why) {
        boolean ok = value != null && value.isNumber() && value.asDouble() == Math.rint(value.asDouble())
                && value.asDouble() >= min && value.asDouble() <= max;
        require(ok, "plan " + plan + ": " + field + " must be a whole number " + min + ".." + max + " " + why);
        return (long) value.asDouble();
    }

    private static JsonNode tree(Object value) {
        if (value instanceof String text) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                // Never the parser's message: it quotes the input.
                String where = e.getLocation() == null ? ""
                        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
                throw new InvalidSettingException("invalid context: plans: not valid JSON" + where);
            }
        }
        return JSON.valueToTree(value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidSettingException("invalid context: plans: " + message);
        }
    }
}
