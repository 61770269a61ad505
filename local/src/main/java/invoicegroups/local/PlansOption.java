package invoicegroups.local;

import invoicegroups.table.Plan;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --plans JSON}: the runner's usage plans, in the format of the stack's {@code plans} context setting, e.g.
 * {@code {"standard": {"rateLimit": 10, "burstLimit": 20}, "premium": {"rateLimit": 50, "burstLimit": 100,
 * "monthlyQuota": 1000000}}}, held to what API Gateway takes for a usage plan ({@link Plan}'s limits), so a
 * configuration that works here deploys. A problem is one line naming the plan and the field, never the value.
 */
final class PlansOption {

    static final String OPTION = "--plans";
    static final String RATE_LIMIT = "rateLimit";
    static final String BURST_LIMIT = "burstLimit";
    static final String MONTHLY_QUOTA = "monthlyQuota";
    private static final Set<String> FIELDS = Set.of(RATE_LIMIT, BURST_LIMIT, MONTHLY_QUOTA);
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private PlansOption() {
    }

    /** The plans by name (a type of its own: picocli would read a {@code Map} option as {@code key=value} pairs). */
    record Plans(Map<String, Plan> byName) {
        Plans {
            byName = Map.copyOf(byName);
        }
    }

    /** The plans by name, sorted (as GetUsagePlans lists them). */
    static Map<String, Plan> parse(String text) {
        JsonNode plans;
        try {
            plans = JSON.readTree(text);
        } catch (JacksonException e) {
            // Never the parser's message: it quotes the input.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw refused("not valid JSON" + where);
        }
        require(plans != null && plans.isObject() && !plans.isEmpty(),
                "must be a JSON object of plan name to limits, with at least one plan, e.g."
                        + " {\"standard\": {\"rateLimit\": 10, \"burstLimit\": 20}}");
        require(plans.size() <= Plan.MAX_PLANS, "holds " + plans.size() + " plans; API Gateway allows "
                + Plan.MAX_PLANS + " usage plans per account and Region");
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
        for (String field : limits.propertyNames()) {
            require(FIELDS.contains(field), "plan " + name + " has an unknown field (only " + RATE_LIMIT + ", "
                    + BURST_LIMIT + ", " + MONTHLY_QUOTA + ")");
        }
        JsonNode rate = limits.get(RATE_LIMIT);
        require(rate != null && rate.isNumber() && rate.asDouble() > 0 && rate.asDouble() <= Plan.MAX_RATE_LIMIT,
                "plan " + name + ": " + RATE_LIMIT + " must be a number of requests per second above 0 and at most "
                        + Plan.MAX_RATE_LIMIT + " (API Gateway: no higher than the account's limit)");
        long burst = whole(limits.get(BURST_LIMIT), 1, Plan.MAX_BURST_LIMIT, name, BURST_LIMIT,
                "(API Gateway: no higher than the account's burst)");
        JsonNode quota = limits.get(MONTHLY_QUOTA);
        OptionalLong monthly = quota == null || quota.isNull() ? OptionalLong.empty()
                : OptionalLong.of(whole(quota, 1, Plan.MAX_MONTHLY_QUOTA, name, MONTHLY_QUOTA,
                        "(API Gateway's quota limit)"));
        return new Plan(name, rate.asDouble(), (int) burst, monthly);
    }

    private static long whole(JsonNode value, long min, long max, String plan, String field, String why) {
        boolean ok = value != null && value.isNumber() && value.asDouble() == Math.rint(value.asDouble())
                && value.asDouble() >= min && value.asDouble() <= max;
        require(ok, "plan " + plan + ": " + field + " must be a whole number " + min + ".." + max + " " + why);
        return (long) value.asDouble();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw refused(message);
        }
    }

    private static TypeConversionException refused(String message) {
        return new TypeConversionException(OPTION + ": " + message);
    }
}
