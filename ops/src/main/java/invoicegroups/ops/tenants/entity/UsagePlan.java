package invoicegroups.ops.tenants.entity;

import java.util.OptionalLong;

/**
 * One of the target's API Gateway usage plans: a plan's limits as the edge enforces them, per API key. Its name is
 * the plan's name ({@link invoicegroups.table.Plan}).
 *
 * @param quotaPeriod {@code DAY}, {@code WEEK} or {@code MONTH} when there is a quota
 * @param isDefault whether it carries {@link invoicegroups.table.Plan#DEFAULT_PLAN_TAG}: the plan of a tenant added
 *         without {@code --plan}
 */
public record UsagePlan(String id, String name, Double rateLimit, Integer burstLimit, OptionalLong quotaLimit,
        String quotaPeriod, boolean isDefault) {

    /** {@code 10/s, burst 20, 1000000/MONTH} or {@code 10/s, burst 20, no quota}. */
    public String limits() {
        String rate = rateLimit == null ? "no rate limit" : number(rateLimit) + "/s";
        String burst = burstLimit == null ? "no burst limit" : "burst " + burstLimit;
        String quota = quotaLimit.isPresent() ? quotaLimit.getAsLong() + "/" + quotaPeriod : "no quota";
        return rate + ", " + burst + ", " + quota;
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
