package invoicegroups.local.apigateway;

import invoicegroups.table.Plan;

/**
 * A usage plan of the local REST API's stage: one per configured {@link Plan}, named after it, its id the plan's
 * name too (plan names are already what API Gateway's ids look like: lower-case letters, digits and '-').
 */
public record UsagePlan(String id, Plan plan) {

    /** The REST API the runner stands in for, and its one stage: what {@code apiStages} of every usage plan names. */
    public static final String REST_API_ID = "local";
    public static final String STAGE = "local";

    public static UsagePlan of(Plan plan) {
        return new UsagePlan(plan.name(), plan);
    }

    public String name() {
        return plan.name();
    }
}
