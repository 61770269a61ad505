package invoicegroups.table;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The plans setting's format, read in one place for the stack's {@code plans} context setting and the local runner's
 * {@code --plans}: a JSON object of plan name to limits, e.g. {@code {"standard": {"rateLimit": 10, "burstLimit":
 * 20}, "premium": {"rateLimit": 50, "burstLimit": 100, "monthlyQuota": 1000000}}}, held to what API Gateway takes for
 * a usage plan ({@link Plan}'s limits), so a configuration that works locally deploys.
 *
 * <p>The callers parse the JSON text with their own Jackson (the CDK app has Jackson 2, the runner Jackson 3) into
 * Java's untyped tree (maps, lists, numbers, strings, booleans, null) and hand that here.
 */
public final class Plans {

    public static final String RATE_LIMIT = "rateLimit";
    public static final String BURST_LIMIT = "burstLimit";
    public static final String MONTHLY_QUOTA = "monthlyQuota";
    private static final List<String> FIELDS = List.of(RATE_LIMIT, BURST_LIMIT, MONTHLY_QUOTA);

    private Plans() {
    }

    /**
     * @param tree the setting as Jackson reads JSON into {@code Object}
     * @return the plans by name, sorted (as GetUsagePlans lists them, and so every synth writes them in one order)
     * @throws IllegalArgumentException one line naming the plan and the field, never the value
     */
    public static Map<String, Plan> parse(Object tree) {
        require(tree instanceof Map<?, ?> plans && !plans.isEmpty(),
                "must be a JSON object of plan name to limits, with at least one plan, e.g."
                        + " {\"standard\": {\"rateLimit\": 10, \"burstLimit\": 20}}");
        Map<?, ?> plans = (Map<?, ?>) tree;
        require(plans.size() <= Plan.MAX_PLANS, "holds " + plans.size() + " plans; API Gateway allows "
                + Plan.MAX_PLANS + " usage plans per account and Region");
        Map<String, Plan> byName = new TreeMap<>();
        for (Map.Entry<?, ?> entry : plans.entrySet()) {
            String name = String.valueOf(entry.getKey());
            byName.put(name, plan(name, entry.getValue()));
        }
        return byName;
    }

    private static Plan plan(String name, Object value) {
        require(Plan.NAME.matcher(name).matches(),
                "plan names must be a lower-case letter, then lower-case letters, digits or '-' (at most 32)");
        require(value instanceof Map<?, ?>, "plan " + name + " must be an object with " + RATE_LIMIT + ", "
                + BURST_LIMIT + " and optionally " + MONTHLY_QUOTA);
        Map<?, ?> limits = (Map<?, ?>) value;
        for (Object field : limits.keySet()) {
            require(FIELDS.contains(String.valueOf(field)), "plan " + name + " has an unknown field (only "
                    + String.join(", ", FIELDS) + ")");
        }
        Object rate = limits.get(RATE_LIMIT);
        require(rate instanceof Number number && number.doubleValue() > 0 && number.doubleValue() <= Plan.MAX_RATE_LIMIT,
                "plan " + name + ": " + RATE_LIMIT + " must be a number of requests per second above 0 and at most "
                        + Plan.MAX_RATE_LIMIT + " (API Gateway: no higher than the account's limit)");
        long burst = whole(limits.get(BURST_LIMIT), 1, Plan.MAX_BURST_LIMIT, name, BURST_LIMIT,
                "(API Gateway: no higher than the account's burst)");
        Object quota = limits.get(MONTHLY_QUOTA);
        OptionalLong monthly = quota == null ? OptionalLong.empty()
                : OptionalLong.of(whole(quota, 1, Plan.MAX_MONTHLY_QUOTA, name, MONTHLY_QUOTA,
                        "(API Gateway's quota limit)"));
        return new Plan(name, ((Number) rate).doubleValue(), (int) burst, monthly);
    }

    private static long whole(Object value, long min, long max, String plan, String field, String why) {
        boolean ok = value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() >= min && number.doubleValue() <= max;
        require(ok, "plan " + plan + ": " + field + " must be a whole number " + min + ".." + max + " " + why);
        return (long) ((Number) value).doubleValue();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
