package invoicegroups.ops.tenants;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenants <sub-command>}: a tenant's record, app clients and API key, changed together. */
@Command(name = "tenants", mixinStandardHelpOptions = true,
        description = "Onboard, change and remove tenants: the tenant record in the registry, one Cognito app client"
                + " per credential, one API Gateway API key in the plan's usage plan.",
        subcommands = {AddCommand.class, ListCommand.class, ShowCommand.class, SuspendCommand.class,
                ResumeCommand.class, RotateCommand.class, PlanCommand.class, RemoveClientCommand.class,
                RemoveCommand.class, CheckCommand.class})
public final class TenantsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "tenants needs a sub-command: add, list, show, suspend, resume,"
                + " rotate, plan, remove-client, remove or check");
    }
}
