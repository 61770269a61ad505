package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.tenants.entity.ClientRecord;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tenants remove-client CLIENT_ID}: one client of a tenant that has another. */
@Command(name = "remove-client", mixinStandardHelpOptions = true,
        description = "Removes one client of a tenant that has another (the end of a rotation, or a leaked secret):"
                + " its registry record first (no token, no call from then on), then its app client. A tenant's last"
                + " client goes only with the tenant (tenants remove).")
final class RemoveClientCommand extends TenantCommand {

    /**
     * Cognito's ClientId: 1 to 128 word characters or '+'
     * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientDescription.html).
     */
    private static final Pattern CLIENT_ID = Pattern.compile("[\\w+]{1,128}");

    @Parameters(paramLabel = "CLIENT_ID", description = "the app client id (tenants show TENANT lists them)")
    String clientId;

    RemoveClientCommand(Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw CommandFailure.usage("CLIENT_ID must be an app client id (1 to 128 letters, digits, '_' or '+')");
        }
        ClientRecord removed = withTenants(tenants -> tenants.removeClient(clientId));
        out().println("client " + removed.clientId() + " of tenant " + removed.tenantId() + " removed");
        return 0;
    }
}
