package invoicegroups.local;

import invoicegroups.local.cognito.LocalUserPool;
import invoicegroups.table.AccessTokens;
import invoicegroups.table.Messages;
import invoicegroups.table.Plan;
import invoicegroups.table.TenantId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * The runner's options as picocli reads them: the same definitions give {@code --help}. Each value is checked by its
 * converter, so a bad one is refused while parsing, in one line.
 */
@Command(name = "java -jar local/target/invoice-groups-local.jar",
        mixinStandardHelpOptions = true,
        versionProvider = RunnerVersion.class,
        usageHelpWidth = 110,
        sortOptions = false,
        subcommands = RunnerCommand.Invoke.class,
        description = {
            "Serves GET /invoice_groups on http://localhost:PORT as the stack's REST API with its Lambda authorizer,"
                    + " with a Cognito-compatible token endpoint (POST /oauth2/token), Cognito's user-pool-client API"
                    + " and DynamoDB's API (POST / by X-Amz-Target) and DynamoDB Local, all in this process.",
            ""},
        footer = {"", "A bad option is exit status 2; a bad file, a busy port or a failed start exit status 1."})
final class RunnerCommand {

    /** The most synthetic invoice groups one run generates: enough for load tests, not enough to fill a disk. */
    static final int MAX_GENERATED = 10_000_000;

    @Option(names = "--port", paramLabel = "N", converter = PortConverter.class,
            description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = Options.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "ADDRESS", converter = HostConverter.class,
            description = {"the address to listen on (default 127.0.0.1: this machine only). WARNING: another"
                    + " address lets whoever reaches it read and change the tenant registry, the app clients and"
                    + " their secrets: the AWS API paths take any credentials"})
    InetAddress host = Options.DEFAULT_HOST;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "keep DynamoDB Local's data in DIR between runs (default: in memory); DIR is made"
                    + " readable by its owner only")
    Path dataDirectory;

    @Option(names = "--data-file", paramLabel = "FILE",
            description = "load the invoice groups in FILE instead of the bundled sample data ({\"tenant id\":"
                    + " [invoice group, ...], ...}, invoice groups as the API returns them)")
    Path dataFile;

    @Option(names = "--generate", paramLabel = "N", converter = CountConverter.class,
            description = "also write N synthetic invoice groups (1 to " + MAX_GENERATED + ") for the tenant given"
                    + " with --tenant (ids ig_TENANT_gen_000000001 ...)")
    Integer generate;

    @Option(names = "--tenant", paramLabel = "TENANT", converter = TenantConverter.class,
            description = "the tenant of --generate")
    String tenant;

    @Option(names = "--access-token-validity", paramLabel = "MINUTES", converter = MinutesConverter.class,
            description = "lifetime of access tokens for app clients that set none (" + AccessTokens.MIN_VALIDITY_MINUTES
                    + " to " + AccessTokens.MAX_VALIDITY_MINUTES + ", default " + AccessTokens.DEFAULT_VALIDITY_MINUTES
                    + ", the stack's)")
    Duration accessTokenValidity = LocalUserPool.DEFAULT_ACCESS_TOKEN_VALIDITY;

    @Option(names = PlansOption.OPTION, paramLabel = "JSON", converter = PlansConverter.class,
            description = "the usage plans, as the stack's plans context: {\"NAME\": {\"rateLimit\": N, \"burstLimit\": N"
                    + " [, \"monthlyQuota\": N]}, ...}; limits per tenant (per API key). Default: standard 10/s burst"
                    + " 20, premium 50/s burst 100")
    PlansOption.Configured plans = new PlansOption.Configured(Plan.DEFAULTS);

    @Option(names = "--default-plan", paramLabel = "PLAN", converter = PlanNameConverter.class,
            description = "the plan of the demo tenants, one of --plans (default " + Plan.DEFAULT_PLAN + ")")
    String defaultPlan;

    @Option(names = "--revocation-seconds", paramLabel = "SECONDS", converter = RevocationConverter.class,
            description = "how long the front keeps the Lambda authorizer's decision for one token, as API Gateway's"
                    + " authorizer cache: a suspension or removal bites within this (0 to "
                    + AccessTokens.MAX_REVOCATION_SECONDS + "; 0: every request asks the authorizer; default "
                    + AccessTokens.DEFAULT_REVOCATION_SECONDS + ")")
    int revocationSeconds = AccessTokens.DEFAULT_REVOCATION_SECONDS;

    @Option(names = "--cognito-rate-limit", paramLabel = "N", converter = PerSecondConverter.class,
            description = "answer TooManyRequestsException beyond N user-pool-client API calls per second"
                    + " (1 to 10000; default: no limit)")
    int cognitoRequestsPerSecond;

    /** {@code invoke EVENT_FILE}: the handler once, on an API Gateway event. */
    @Command(name = "invoke", mixinStandardHelpOptions = true, versionProvider = RunnerVersion.class,
            description = "run the handler once on an API Gateway REST API (payload 1.0) event, e.g."
                    + " events/first-page.json, print its response and exit (data options go before invoke)")
    static final class Invoke {
        @Parameters(paramLabel = "EVENT_FILE", description = "the event, as JSON")
        Path eventFile;
    }

    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port = integer("--port", value);
            if (port < 0 || port > 65535) {
                throw new TypeConversionException("--port must be from 0 to 65535, not " + value);
            }
            return port;
        }
    }

    static final class HostConverter implements ITypeConverter<InetAddress> {
        @Override
        public InetAddress convert(String value) {
            try {
                return InetAddress.getByName(value);
            } catch (UnknownHostException | SecurityException e) {
                throw new TypeConversionException("--host must be an address of this machine, or a name that"
                        + " resolves to one, not " + quoted(value));
            }
        }
    }

    static final class CountConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int count = integer("--generate", value);
            if (count < 1 || count > MAX_GENERATED) {
                throw new TypeConversionException("--generate must be from 1 to " + MAX_GENERATED + ", not " + value);
            }
            return count;
        }
    }

    static final class TenantConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!TenantId.isValid(value)) {
                throw new TypeConversionException("--tenant must be " + TenantId.RULE);
            }
            return value;
        }
    }

    /** Minutes, within Cognito's bounds for an access token's lifetime (5 minutes to 1 day). */
    static final class MinutesConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration minutes = Duration.ofMinutes(integer("--access-token-validity", value));
            if (minutes.compareTo(LocalUserPool.MIN_ACCESS_TOKEN_VALIDITY) < 0
                    || minutes.compareTo(LocalUserPool.MAX_ACCESS_TOKEN_VALIDITY) > 0) {
                throw new TypeConversionException("--access-token-validity must be from "
                        + LocalUserPool.MIN_ACCESS_TOKEN_VALIDITY.toMinutes() + " to "
                        + LocalUserPool.MAX_ACCESS_TOKEN_VALIDITY.toMinutes() + " minutes, not " + value);
            }
            return minutes;
        }
    }

    static final class PlansConverter implements ITypeConverter<PlansOption.Configured> {
        @Override
        public PlansOption.Configured convert(String value) {
            return new PlansOption.Configured(PlansOption.parse(value));
        }
    }

    static final class PlanNameConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!Plan.NAME.matcher(value).matches()) {
                throw new TypeConversionException("--default-plan must be a plan name: a lower-case letter, then"
                        + " lower-case letters, digits or '-' (at most 32)");
            }
            return value;
        }
    }

    /** Seconds, within API Gateway's bounds for an authorizer's result cache (0 to 3600). */
    static final class RevocationConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int seconds = integer("--revocation-seconds", value);
            if (seconds < 0 || seconds > AccessTokens.MAX_REVOCATION_SECONDS) {
                throw new TypeConversionException("--revocation-seconds must be from 0 to "
                        + AccessTokens.MAX_REVOCATION_SECONDS + ", not " + value);
            }
            return seconds;
        }
    }

    static final class PerSecondConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int perSecond = integer("--cognito-rate-limit", value);
            if (perSecond < 1 || perSecond > 10_000) {
                throw new TypeConversionException(
                        "--cognito-rate-limit must be from 1 to 10000 calls per second, not " + value);
            }
            return perSecond;
        }
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(option + " must be a whole number, not " + quoted(value));
        }
    }

    /** A value as a message quotes it: the user's own, but cut short. */
    static String quoted(String value) {
        return Messages.cut(value, 64);
    }
}
