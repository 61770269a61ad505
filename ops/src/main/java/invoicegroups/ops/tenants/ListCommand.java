package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.cli.OutputOption;
import invoicegroups.ops.tenants.entity.TenantRecord;
import invoicegroups.ops.tenants.entity.UsagePlan;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.node.ObjectNode;

/** {@code tenants list}: every tenant, streamed page by page (10,000 tenants in constant memory). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Every tenant, as the registry's scan returns them (not sorted: pipe through sort): tenant,"
                + " status, plan, rate (requests/s), burst, quota, clients, created_at and a command under way,"
                + " tab-separated with a header; limits from the target's usage plans.",
                "With --output json: one JSON object per tenant and line."})
final class ListCommand extends TenantCommand {

    static final String HEADER = "tenant\tstatus\tplan\trate\tburst\tquota\tclients\tcreated_at\tpending";

    @Mixin
    OutputOption output;

    ListCommand(Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        long count = withTenants(tenants -> {
            Map<String, UsagePlan> plans = tenants.apiKeys().usagePlans();
            AtomicLong seen = new AtomicLong();
            if (!output.json()) {
                out().println(HEADER);
            }
            tenants.registry().eachTenant(tenant -> {
                seen.incrementAndGet();
                UsagePlan plan = plans.get(tenant.plan());
                if (output.json()) {
                    printJson(json(tenant, plan));
                } else {
                    out().println(String.join("\t", tenant.tenantId(), String.valueOf(tenant.status()),
                            String.valueOf(tenant.plan()), rate(plan), burst(plan), quota(plan),
                            Integer.toString(tenant.clientIds().size()), String.valueOf(tenant.createdAt()),
                            pending(tenant)));
                }
            });
            return seen.get();
        });
        out().flush();
        err().println(count + " tenant" + (count == 1 ? "" : "s"));
        return 0;
    }

    /** A tenant with its plan's limits, as list and show write it in JSON. */
    static ObjectNode json(TenantRecord tenant, UsagePlan plan) {
        ObjectNode node = JSON.createObjectNode().put("tenantId", tenant.tenantId()).put("status", tenant.status())
                .put("plan", tenant.plan());
        if (plan != null) {
            ObjectNode limits = node.putObject("limits");
            if (plan.rateLimit() != null) {
                limits.put("rateLimit", plan.rateLimit());
            }
            if (plan.burstLimit() != null) {
                limits.put("burstLimit", plan.burstLimit());
            }
            if (plan.quotaLimit().isPresent()) {
                limits.put("quota", plan.quotaLimit().getAsLong()).put("quotaPeriod", plan.quotaPeriod());
            }
        }
        node.put("clients", tenant.clientIds().size()).put("createdAt", tenant.createdAt())
                .put("updatedAt", tenant.updatedAt()).put("version", tenant.version());
        if (tenant.pending()) {
            node.putObject("pending").put("operation", tenant.pendingOperation()).put("since", tenant.pendingSince());
        }
        return node;
    }

    static String rate(UsagePlan plan) {
        return plan == null ? "?" : plan.rateLimit() == null ? "-" : trim(plan.rateLimit());
    }

    static String burst(UsagePlan plan) {
        return plan == null ? "?" : plan.burstLimit() == null ? "-" : plan.burstLimit().toString();
    }

    static String quota(UsagePlan plan) {
        return plan == null ? "?" : plan.quotaLimit().isEmpty() ? "-"
                : plan.quotaLimit().getAsLong() + "/" + plan.quotaPeriod();
    }

    static String pending(TenantRecord tenant) {
        return tenant.pending() ? tenant.pendingOperation() + " since " + tenant.pendingSince() : "-";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
