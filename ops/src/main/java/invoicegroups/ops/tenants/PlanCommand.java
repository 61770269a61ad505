package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.table.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tenants plan TENANT PLAN}: moves the tenant's API key to the plan's usage plan. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Moves the tenant to PLAN: its API key from the old plan's usage plan to the new one's (for a"
                + " moment in neither: calls then answer 403), then the record. Touches no CloudFormation.")
final class PlanCommand extends TenantCommand {

    @Parameters(index = "0", paramLabel = "TENANT", description = "the tenant id")
    String tenant;

    @Parameters(index = "1", paramLabel = "PLAN", description = "a plan: a usage plan of the target's REST API")
    String plan;

    PlanCommand(Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        String id = tenantId(tenant);
        if (!Plan.NAME.matcher(plan).matches()) {
            throw CommandFailure.usage("PLAN must be a plan name (a lower-case letter, then lower-case letters,"
                    + " digits or '-', at most 32)");
        }
        boolean moved = withTenants(tenants -> tenants.plan(id, plan));
        out().println(moved ? "tenant " + id + " now on plan " + plan : "tenant " + id + " is on plan " + plan
                + " already");
        return 0;
    }
}
