package invoicegroups.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A tier of per-tenant limits, enforced at the edge by an API Gateway usage plan of the same name: every tenant's
 * API key is in exactly one. The limits apply to each tenant separately (per API key), never shared by a plan's
 * tenants.
 *
 * @param name the plan's name ({@link #NAME})
 * @param rateLimit steady-state requests per second of one tenant
 * @param burstLimit the tenant's token-bucket capacity (requests at once)
 * @param monthlyQuota requests per calendar month (UTC) of one tenant, if limited
 */
public record Plan(String name, double rateLimit, int burstLimit, OptionalLong monthlyQuota) {

    /** A plan name: a lower-case letter, then lower-case letters, digits or '-', at most 32. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** The plan a tenant gets when none is named, unless the deployment names another (its default plan). */
    public static final String DEFAULT_PLAN = "standard";

    /**
     * The tag ({@link #DEFAULT_PLAN_TAG_VALUE}) on the usage plan of a deployment's default plan, the stack's and the
     * local runner's alike: how {@code tenants add} without {@code --plan} finds it through API Gateway's
     * GetUsagePlans, which returns each plan's tags.
     */
    public static final String DEFAULT_PLAN_TAG = "invoice-groups:default-plan";
    public static final String DEFAULT_PLAN_TAG_VALUE = "true";

    /**
     * The plans a deployment and the local runner have unless configured otherwise. {@code standard} is Togai's
     * default per-organisation limit (10 requests per second, docs.togai.com, "Quotas and limits").
     */
    public static final Map<String, Plan> DEFAULTS = defaults();

    /**
     * The most a usage plan's throttle may allow one API key: no more than the account's limits, 10,000 requests per
     * second with a burst of 5,000 by default, per account and Region
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html,
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
     */
    public static final int MAX_RATE_LIMIT = 10_000;
    public static final int MAX_BURST_LIMIT = 5_000;

    /** A usage plan's quota limit is an Integer in API Gateway's API (QuotaSettings.limit). */
    public static final long MAX_MONTHLY_QUOTA = Integer.MAX_VALUE;

    /** Usage plans per account per Region: 300 (limits.html above); the account's other APIs share them. */
    public static final int MAX_PLANS = 300;

    public Plan {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a plan name must be a lower-case letter, then lower-case letters, digits or '-' (at most 32)");
        }
        if (!(rateLimit > 0) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException("plan " + name + ": rateLimit must be a positive number");
        }
        if (burstLimit < 1) {
            throw new IllegalArgumentException("plan " + name + ": burstLimit must be at least 1");
        }
        if (monthlyQuota.isPresent() && monthlyQuota.getAsLong() < 1) {
            throw new IllegalArgumentException("plan " + name + ": monthlyQuota must be at least 1");
        }
    }

    private static Map<String, Plan> defaults() {
        Map<String, Plan> plans = new LinkedHashMap<>();
        plans.put("standard", new Plan("standard", 10, 20, OptionalLong.empty()));
        plans.put("premium", new Plan("premium", 50, 100, OptionalLong.empty()));
        return Map.copyOf(plans);
    }
}
