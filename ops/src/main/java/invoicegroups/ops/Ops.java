package invoicegroups.ops;

import invoicegroups.ops.cli.CompletionCommand;
import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.cli.Factory;
import invoicegroups.ops.cli.OneLine;
import invoicegroups.ops.dataimport.ImportCommand;
import invoicegroups.ops.tenants.TenantsCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The operator command line: {@code java -jar ops/target/invoice-groups-ops.jar <command> ...}. {@code main} only
 * wires picocli; tests call {@link #run} with their own streams. Every failure is one line on stderr and an exit
 * status ({@link OneLine}).
 */
@Command(name = "ops", mixinStandardHelpOptions = true, versionProvider = Ops.Version.class,
        description = "The platform operator's commands: tenants (app clients, API keys and the tenant registry) and"
                + " import (data files into the invoice groups table).",
        subcommands = {TenantsCommand.class, ImportCommand.class, CompletionCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:a service or network failure (or throttling past the retries)",
                "2:a bad command line", "3:a bad input file", "4:not found (stack, tenant, client, plan)",
                "5:a conflict (exists already, changed by another command, a limit reached)",
                "6:not allowed (credentials, IAM)"})
public final class Ops implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int status = run(List.of(args), System.out, System.err);
        System.exit(status);
    }

    /** @return the exit status: 0, or the failure's */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(Environment.DEFAULT, args, out, err);
    }

    public static int run(Environment environment, List<String> args, PrintStream out, PrintStream err) {
        PrintWriter stdout = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter stderr = new PrintWriter(err, true, StandardCharsets.UTF_8);
        try {
            return commandLine(environment).setOut(stdout).setErr(stderr).execute(args.toArray(String[]::new));
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    /** The command tree with its handlers; {@code generate-completion} reads the same tree. */
    public static CommandLine commandLine(Environment environment) {
        OneLine oneLine = new OneLine();
        return new CommandLine(new Ops(), new Factory(environment))
                .setParameterExceptionHandler(oneLine)
                .setExecutionExceptionHandler(oneLine);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command: tenants, import or generate-completion");
    }

    /** The project version, from the resource the build fills in. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Ops.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"invoice-groups ops " + properties.getProperty("version", "unknown")};
        }
    }
}
