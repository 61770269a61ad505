package invoicegroups.ops;

import invoicegroups.ops.cli.Arguments;
import invoicegroups.ops.cli.Command;
import invoicegroups.ops.dataimport.ImportCommand;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.tenants.TenantsCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The operator command line: {@code java -jar ops/target/invoice-groups-ops.jar <command> ... [--stack NAME]
 * [--region REGION] [--endpoint URL]}. Every failure ends here: one line on stderr, a non-zero exit status, never a
 * stack trace.
 */
public final class Ops {

    /** The commands by name. */
    static final Map<String, Command> COMMANDS = Map.of(
            "tenants", new TenantsCommand(),
            "import", new ImportCommand());

    private Ops() {
    }

    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** @return the exit status: 0, or the failure's ({@link CommandFailure#exitStatus()}) */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(COMMANDS, args, out, err);
    }

    static int run(Map<String, Command> commands, List<String> args, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args);
            if (arguments.flag("--help")) {
                out.print(Usage.TEXT);
                return 0;
            }
            if (arguments.words().isEmpty()) {
                throw CommandFailure.usage("no command: tenants or import (see --help)");
            }
            String name = arguments.words().get(0);
            Command command = commands.get(name);
            if (command == null) {
                throw CommandFailure.usage("unknown command " + Arguments.bounded(name)
                        + ": tenants or import (see --help)");
            }
            command.run(arguments.rest(), out, err);
            return 0;
        } catch (CommandFailure failure) {
            err.println("error: " + failure.getMessage());
            return failure.exitStatus();
        } catch (RuntimeException unexpected) {
            // A bug of ours, still one line: the class names what broke.
            err.println("error: unexpected " + unexpected.getClass().getName() + ": "
                    + firstLine(unexpected.getMessage()));
            return CommandFailure.Unavailable.EXIT_STATUS;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
