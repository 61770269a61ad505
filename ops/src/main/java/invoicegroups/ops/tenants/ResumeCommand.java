package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.tenants.entity.TenantRecord;
import invoicegroups.table.TenantRegistryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tenants resume TENANT}: tokens and calls again. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resumes a suspended tenant: its clients get tokens again, and its calls are allowed within the"
                + " same bound as a suspension.")
final class ResumeCommand extends TenantCommand {

    @Parameters(paramLabel = "TENANT", description = "the tenant id")
    String tenant;

    ResumeCommand(Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        String id = tenantId(tenant);
        TenantRecord after = withTenants(tenants -> tenants.setStatus(id, TenantRegistryTable.ACTIVE));
        out().println("tenant " + id + " resumed (" + clients(after.clientIds().size()) + ")");
        return 0;
    }
}
