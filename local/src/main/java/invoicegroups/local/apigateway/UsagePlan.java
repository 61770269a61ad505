package invoicegroups.local.apigateway;

import invoicegroups.table.Plan;

/**
 * A usage plan of the local REST API's stage: one per configured {@link Plan}, named after it, its id the plan's
 * name too (plan names are already what API Gateway's ids look like: lower-case letters, digits and '-').
 */
public record UsagePlan(String id, Plan plan) {

    public static UsagePlan of(Plan plan) {
        return new UsagePlan(plan.name(), plan);
    }

    public String name() {
        return plan.name();
    }
}
