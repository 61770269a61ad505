package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.cli.OutputOption;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.tenants.aws.ApiKeys;
import invoicegroups.ops.tenants.control.Tenants;
import invoicegroups.ops.tenants.entity.UsagePlan;
import invoicegroups.table.Plan;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenants add TENANT | --file FILE [--plan PLAN]}: new tenants, each with a client and an API key. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"A new tenant: its record (active, on PLAN), an API key in the plan's usage plan and an app"
                + " client whose secret is printed once: tenant TENANT client_id ID client_secret SECRET.",
                "A tenant id that exists already is a conflict (exit status 5); two adds of one id at the same time:"
                        + " one wins."})
final class AddCommand extends TenantCommand {

    /** Bulk runs report progress every this many tenants. */
    static final int PROGRESS_EVERY = 100;

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "TENANT", arity = "0..1", description = "the tenant id (1 to 128 letters, digits, '.',"
            + " '_', ':' or '-')")
    String tenant;

    @Option(names = "--file", paramLabel = "FILE", description = "one tenant id per line (UTF-8; # comments and blank"
            + " lines skipped), checked whole first; tenants that exist are reported and skipped")
    String file;

    @Option(names = "--plan", paramLabel = "PLAN", description = "the plan (a usage plan of the target's REST API;"
            + " default: the target's default plan, the stack's defaultPlan setting or the runner's --default-plan)")
    String plan;

    AddCommand(Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        if ((tenant == null) == (file == null)) {
            throw CommandFailure.usage("tenants add takes a TENANT or --file FILE, not both and not neither (see"
                    + " ops tenants add --help)");
        }
        if (plan != null && !Plan.NAME.matcher(plan).matches()) {
            throw CommandFailure.usage("--plan must be a plan name (a lower-case letter, then lower-case letters,"
                    + " digits or '-', at most 32)");
        }
        if (file != null) {
            List<String> ids = TenantFile.read(file);
            return withTenants(tenants -> addAll(tenants, ids));
        }
        String id = tenantId(tenant);
        return withTenants(tenants -> {
            Map<String, UsagePlan> plans = tenants.apiKeys().usagePlans();
            String chosen = chosenPlan(plans);
            print(tenants.add(id, chosen, plans));
            err().println("the client secret is shown only this once: keep it in your secret store (plan " + chosen
                    + ")");
            return 0;
        });
    }

    private int addAll(Tenants tenants, List<String> ids) {
        Map<String, UsagePlan> plans = tenants.apiKeys().usagePlans();
        String chosen = chosenPlan(plans);
        ApiKeys.require(plans, chosen, "the target");
        int added = 0;
        int existing = 0;
        long started = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            try {
                if (tenants.registry().tenant(id).isPresent()) {
                    existing++;
                    err().println("tenant " + id + " already exists: skipped");
                } else {
                    print(tenants.add(id, chosen, plans));
                    added++;
                }
            } catch (CommandFailure e) {
                throw e.withContext(" (stopped at tenant " + id + ", " + (i + 1) + " of " + ids.size() + " in " + file
                        + ": " + added + " added, their credentials are above; run again to add the rest)");
            }
            if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < ids.size()) {
                err().printf("%d of %d tenants done (%d s)%n", i + 1, ids.size(),
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        err().println("added " + added + " tenant" + (added == 1 ? "" : "s") + ", " + existing
                + " already existed (skipped); the client secrets are shown only this once");
        return 0;
    }

    /**
     * {@code --plan}, or else the plan whose usage plan is tagged the deployment's default
     * ({@link Plan#DEFAULT_PLAN_TAG}: the stack's {@code defaultPlan}, the runner's {@code --default-plan}), or else,
     * on a deployment that tags none, {@value Plan#DEFAULT_PLAN}.
     */
    private String chosenPlan(Map<String, UsagePlan> plans) {
        if (plan != null) {
            return plan;
        }
        return plans.values().stream().filter(UsagePlan::isDefault).map(UsagePlan::name).sorted().findFirst()
                .orElse(Plan.DEFAULT_PLAN);
    }

    private void print(Tenants.Added added) {
        if (output.json()) {
            printJson(object().put("tenantId", added.client().tenantId()).put("clientId", added.client().clientId())
                    .put("clientSecret", added.client().clientSecret()).put("plan", added.plan()));
        } else {
            out().println(added.client().line());
        }
        out().flush();
    }
}
