package invoicegroups.local;

import invoicegroups.local.Options.Generate;
import invoicegroups.local.Options.Mode;
import invoicegroups.local.cognito.LocalUserPool;
import invoicegroups.table.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Reads the runner's command line into {@link Options}; anything it does not understand is a one-line usage error. */
public final class OptionsParser {

    /** The most synthetic invoice groups one run generates: enough for load tests, not enough to fill a disk. */
    static final int MAX_GENERATED = 10_000_000;

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
        Duration accessTokenValidity = LocalUserPool.DEFAULT_ACCESS_TOKEN_VALIDITY;
        int cognitoRequestsPerSecond = 0;
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
                case "--access-token-validity" -> accessTokenValidity = minutes(value(arg, rest));
                case "--cognito-rate-limit" -> cognitoRequestsPerSecond = perSecond(value(arg, rest));
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
        return new Options(mode, port, dataDirectory, dataFile, generated, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond);
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
        if (!TenantId.isValid(value)) {
            throw StartupException.usage("--tenant must be " + TenantId.RULE);
        }
        return value;
    }

    /** Minutes, within Cognito's bounds for an access token's lifetime (5 minutes to 1 day). */
    private static Duration minutes(String value) {
        Duration minutes = Duration.ofMinutes(integer("--access-token-validity", value));
        if (minutes.compareTo(LocalUserPool.MIN_ACCESS_TOKEN_VALIDITY) < 0
                || minutes.compareTo(LocalUserPool.MAX_ACCESS_TOKEN_VALIDITY) > 0) {
            throw StartupException.usage("--access-token-validity must be from "
                    + LocalUserPool.MIN_ACCESS_TOKEN_VALIDITY.toMinutes() + " to "
                    + LocalUserPool.MAX_ACCESS_TOKEN_VALIDITY.toMinutes() + " minutes, not " + value);
        }
        return minutes;
    }

    private static int perSecond(String value) {
        int perSecond = integer("--cognito-rate-limit", value);
        if (perSecond < 1 || perSecond > 10_000) {
            throw StartupException.usage("--cognito-rate-limit must be from 1 to 10000 calls per second, not " + value);
        }
        return perSecond;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw StartupException.usage(option + " must be a whole number, not " + value);
        }
    }
}
