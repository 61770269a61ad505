package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.cli.OutputOption;
import invoicegroups.ops.tenants.control.Tenants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;

/** {@code tenants rotate TENANT}: another client and secret; the old ones work until remove-client. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "Another app client and secret for the tenant (printed once, as by add); the previous clients"
                + " keep working until tenants remove-client, so callers switch secrets without downtime. At most 10"
                + " clients a tenant.")
final class RotateCommand extends TenantCommand {

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "TENANT", description = "the tenant id")
    String tenant;

    RotateCommand(Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        String id = tenantId(tenant);
        Tenants.Rotation rotation = withTenants(tenants -> tenants.rotate(id));
        if (output.json()) {
            ArrayNode previous = JSON.createArrayNode();
            rotation.previousClientIds().forEach(previous::add);
            var node = object().put("tenantId", id).put("clientId", rotation.created().clientId())
                    .put("clientSecret", rotation.created().clientSecret());
            node.set("previousClientIds", previous);
            printJson(node);
        } else {
            out().println(rotation.created().line());
        }
        err().println("the new client secret is shown only this once; the previous client"
                + (rotation.previousClientIds().size() == 1 ? "" : "s") + " "
                + String.join(", ", rotation.previousClientIds())
                + " keep working until: tenants remove-client CLIENT_ID");
        return 0;
    }
}
