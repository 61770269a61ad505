package invoicegroups.local;

import invoicegroups.local.Options.Generate;
import invoicegroups.local.Options.Mode;
import invoicegroups.table.Plan;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reads the runner's command line ({@link RunnerCommand}, with picocli) into {@link Options}; anything it does not
 * understand is a one-line usage error (exit status 2): an unknown option, a missing or bad value, an option given
 * twice.
 */
public final class OptionsParser {

    private OptionsParser() {
    }

    public static Options parse(List<String> args) {
        RunnerCommand command = new RunnerCommand();
        CommandLine commandLine = commandLine(command);
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw StartupException.usage(message(e));
        }
        ParseResult invoke = parsed.subcommand();
        if (parsed.isUsageHelpRequested() || (invoke != null && invoke.isUsageHelpRequested())) {
            return mode(Mode.HELP, command, Optional.empty());
        }
        if (parsed.isVersionHelpRequested() || (invoke != null && invoke.isVersionHelpRequested())) {
            return mode(Mode.VERSION, command, Optional.empty());
        }
        if ((command.generate == null) != (command.tenant == null)) {
            throw StartupException.usage("--generate and --tenant go together: --generate N --tenant TENANT");
        }
        if (invoke != null) {
            RunnerCommand.Invoke event = (RunnerCommand.Invoke) invoke.commandSpec().userObject();
            return mode(Mode.INVOKE, command, Optional.of(event.eventFile));
        }
        return mode(Mode.SERVE, command, Optional.empty());
    }

    /** The usage, generated from the same definitions that parse. */
    public static String usage() {
        return usage(List.of());
    }

    /** The usage of the command {@code args} ask help for: the runner's, or {@code invoke}'s. */
    public static String usage(List<String> args) {
        CommandLine commandLine = commandLine(new RunnerCommand());
        if (args.contains("invoke")) {
            commandLine = commandLine.getSubcommands().get("invoke");
        }
        return commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** The version lines of {@code --version}. */
    public static String version() {
        return String.join(System.lineSeparator(), new RunnerVersion().getVersion()) + System.lineSeparator();
    }

    private static CommandLine commandLine(RunnerCommand command) {
        // Given twice, a single-valued option is an error, not "the last one wins".
        return new CommandLine(command).setOverwrittenOptionsAllowed(false);
    }

    private static Options mode(Mode mode, RunnerCommand command, Optional<java.nio.file.Path> eventFile) {
        Optional<Generate> generate = command.generate == null ? Optional.empty()
                : Optional.of(new Generate(command.generate, command.tenant));
        String defaultPlan = command.defaultPlan == null ? Plan.DEFAULT_PLAN : command.defaultPlan;
        Map<String, Plan> plans = new TreeMap<>(command.plans.byName());
        if (!plans.containsKey(defaultPlan)) {
            throw StartupException.usage((command.defaultPlan == null
                    ? "--plans has no plan " + Plan.DEFAULT_PLAN + ", the default plan: name one with --default-plan"
                    : "--default-plan " + defaultPlan + " is not one of the plans")
                    + " (plans: " + String.join(", ", plans.keySet()) + ")");
        }
        return new Options(mode, command.host, command.port, Optional.ofNullable(command.dataDirectory),
                Optional.ofNullable(command.dataFile), generate, eventFile, command.accessTokenValidity,
                command.cognitoRequestsPerSecond, plans, defaultPlan, command.revocationSeconds);
    }

    /** picocli's error, in the runner's words (and never with a suggestion list). */
    private static String message(ParameterException e) {
        if (e.getCause() instanceof TypeConversionException invalid) {
            return invalid.getMessage();
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String argument = RunnerCommand.quoted(unmatched.getUnmatched().get(0));
            return argument.startsWith("-")
                    ? "unknown option " + argument + " (see --help)"
                    : "unexpected argument " + argument + " (see --help)";
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return name(missing.getMissing().get(0)) + " needs a value (see --help)";
        }
        if (e instanceof OverwrittenOptionException twice) {
            return name(twice.getOverwritten()) + " is given more than once: give it once (see --help)";
        }
        String line = String.valueOf(e.getMessage()).lines().findFirst().orElse("bad command line");
        return line + " (see --help)";
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return option.longestName();
        }
        return spec.command().name().equals("invoke") ? "invoke" : spec.paramLabel();
    }
}
