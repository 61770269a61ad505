package invoicegroups.local.control;

import invoicegroups.local.entity.Options;
import invoicegroups.local.entity.Options.Generate;
import invoicegroups.local.entity.Options.Mode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the runner's command line into {@link Options}; anything it does not understand is a one-line usage error. */
public final class OptionsParser {

    /** The most synthetic invoice groups one run generates: enough for load tests, not enough to fill a disk. */
    static final int MAX_GENERATED = 10_000_000;
    /** The same rule the function applies to the tenant claim, so generated data is reachable. */
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private OptionsParser() {
    }

    public static Options parse(List<String> args) {
        Deque<String> rest = new ArrayDeque<>();
        for (String arg : args) {
            // --name=value is the same as --name value
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                rest.add(arg.substring(0, equals));
                rest.add(arg.substring(equals + 1));
            } else {
                rest.add(arg);
            }
        }
        Mode mode = Mode.SERVE;
        int port = Options.DEFAULT_PORT;
        Optional<Path> dataDirectory = Optional.empty();
        Optional<Path> dataFile = Optional.empty();
        Optional<Integer> generate = Optional.empty();
        Optional<String> tenant = Optional.empty();
        Optional<Path> eventFile = Optional.empty();
        boolean help = false;
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--port" -> port = port(value(arg, rest));
                case "--data-dir" -> dataDirectory = Optional.of(Path.of(value(arg, rest)));
                case "--data-file" -> dataFile = Optional.of(Path.of(value(arg, rest)));
                case "--generate" -> generate = Optional.of(count(value(arg, rest)));
                case "--tenant" -> tenant = Optional.of(tenant(value(arg, rest)));
                case "invoke" -> {
                    if (mode == Mode.INVOKE) {
                        throw StartupException.usage("invoke takes one event file");
                    }
                    mode = Mode.INVOKE;
                    eventFile = Optional.of(Path.of(value(arg, rest)));
                }
                default -> throw StartupException.usage(arg.startsWith("-")
                        ? "unknown option " + arg + " (see --help)"
                        : "unexpected argument " + arg + " (see --help)");
            }
        }
        if (help) {
            mode = Mode.HELP;
        }
        if (generate.isPresent() != tenant.isPresent()) {
            throw StartupException.usage("--generate and --tenant go together: --generate N --tenant TENANT");
        }
        Optional<String> generateFor = tenant;
        Optional<Generate> generated = generate.map(count -> new Generate(count, generateFor.get()));
        return new Options(mode, port, dataDirectory, dataFile, generated, eventFile);
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty() || rest.peekFirst().startsWith("--")) {
            throw StartupException.usage(option + " needs a value (see --help)");
        }
        return rest.removeFirst();
    }

    private static int port(String value) {
        int port = integer("--port", value);
        if (port < 0 || port > 65535) {
            throw StartupException.usage("--port must be from 0 to 65535, not " + value);
        }
        return port;
    }

    private static int count(String value) {
        int count = integer("--generate", value);
        if (count < 1 || count > MAX_GENERATED) {
            throw StartupException.usage("--generate must be from 1 to " + MAX_GENERATED + ", not " + value);
        }
        return count;
    }

    private static String tenant(String value) {
        if (!TENANT_ID.matcher(value).matches()) {
            throw StartupException.usage("--tenant must be 1 to 128 of A-Z a-z 0-9 . _ : -, not " + value);
        }
        return value;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw StartupException.usage(option + " must be a whole number, not " + value);
        }
    }
}
