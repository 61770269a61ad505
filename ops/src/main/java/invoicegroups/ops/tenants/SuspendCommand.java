package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.tenants.entity.TenantRecord;
import invoicegroups.table.AccessTokens;
import invoicegroups.table.TenantRegistryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tenants suspend TENANT}: no token and no call for any of its clients. */
@Command(name = "suspend", mixinStandardHelpOptions = true,
        description = "Suspends the tenant: its clients get no token, and calls with tokens issued before are refused"
                + " once the edge's cached decision expires (revocationSeconds, default "
                + AccessTokens.DEFAULT_REVOCATION_SECONDS + " s). Never blocked by another command under way.")
final class SuspendCommand extends TenantCommand {

    @Parameters(paramLabel = "TENANT", description = "the tenant id")
    String tenant;

    SuspendCommand(Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        String id = tenantId(tenant);
        TenantRecord after = withTenants(tenants -> tenants.setStatus(id, TenantRegistryTable.SUSPENDED));
        out().println("tenant " + id + " suspended (" + clients(after.clientIds().size()) + ")");
        err().println("no new tokens; calls with tokens issued before are refused within the edge's revocation bound"
                + " (default " + AccessTokens.DEFAULT_REVOCATION_SECONDS + " s)");
        return 0;
    }
}
