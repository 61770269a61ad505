package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.tenants.entity.TenantRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tenants remove TENANT}: the tenant record, its clients and its API key. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Removes the tenant: its record and client records in one transaction (no token, no call from"
                + " then on), then its app clients and API key. Its invoice groups stay in the table.")
final class RemoveCommand extends TenantCommand {

    @Parameters(paramLabel = "TENANT", description = "the tenant id")
    String tenant;

    RemoveCommand(Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        String id = tenantId(tenant);
        TenantRecord removed = withTenants(tenants -> tenants.remove(id));
        out().println("tenant " + id + " removed (" + clients(removed.clientIds().size()) + ")");
        err().println("its invoice groups stay in the invoice groups table");
        return 0;
    }
}
