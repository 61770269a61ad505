package invoicegroups.local;

import invoicegroups.local.cognito.LocalUserPool;
import invoicegroups.table.AccessTokens;
import invoicegroups.table.Plan;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The runner's command line.
 *
 * @param mode serve the API, invoke the handler once, or print the usage or the version
 * @param host the address the HTTP server listens on (loopback unless {@code --host} says otherwise)
 * @param port the HTTP port (0: any free port)
 * @param dataDirectory where DynamoDB Local keeps its data; empty: in memory
 * @param dataFile invoice groups to load instead of the bundled sample data
 * @param generate synthetic invoice groups to add, if any
 * @param eventFile the API Gateway event for the invoke mode
 * @param accessTokenValidity the lifetime of access tokens for app clients that set none of their own
 * @param cognitoRequestsPerSecond the simulated throttle of the user-pool-client API; 0: none
 * @param plans the usage plans of the REST API, by plan name ({@code --plans})
 * @param defaultPlan the plan of the demo tenants ({@code --default-plan}), one of {@code plans}
 * @param revocationSeconds how long the front keeps the Lambda authorizer's result for one Authorization header; 0:
 *     not at all
 */
public record Options(
        Mode mode,
        InetAddress host,
        int port,
        Optional<Path> dataDirectory,
        Optional<Path> dataFile,
        Optional<Generate> generate,
        Optional<Path> eventFile,
        Duration accessTokenValidity,
        int cognitoRequestsPerSecond,
        Map<String, Plan> plans,
        String defaultPlan,
        int revocationSeconds) {

    public static final int DEFAULT_PORT = 8080;
    /** 127.0.0.1: the runner answers this machine only. */
    public static final InetAddress DEFAULT_HOST = InetAddress.getLoopbackAddress();

    public enum Mode { SERVE, INVOKE, HELP, VERSION }

    /** {@code --generate count --tenant tenantId}. */
    public record Generate(int count, String tenantId) {
    }

    public Options {
        plans = new TreeMap<>(plans);
        if (!plans.containsKey(defaultPlan)) {
            throw new IllegalArgumentException("the default plan " + defaultPlan + " is not one of the plans");
        }
    }

    /**
     * The defaults: serve on 127.0.0.1:8080, in memory, with the bundled sample data, the stack's plans and default
     * plan, the stack's token lifetime and revocation bound.
     */
    public static Options defaults() {
        return new Options(Mode.SERVE, DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), LocalUserPool.DEFAULT_ACCESS_TOKEN_VALIDITY, 0, Plan.DEFAULTS,
                Plan.DEFAULT_PLAN, AccessTokens.DEFAULT_REVOCATION_SECONDS);
    }

    public Options withHost(InetAddress value) {
        return new Options(mode, value, port, dataDirectory, dataFile, generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond, plans, defaultPlan, revocationSeconds);
    }

    public Options withPort(int value) {
        return new Options(mode, host, value, dataDirectory, dataFile, generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond, plans, defaultPlan, revocationSeconds);
    }

    public Options withDataDirectory(Path value) {
        return new Options(mode, host, port, Optional.of(value), dataFile, generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond, plans, defaultPlan, revocationSeconds);
    }

    public Options withDataFile(Path value) {
        return new Options(mode, host, port, dataDirectory, Optional.of(value), generate, eventFile,
                accessTokenValidity, cognitoRequestsPerSecond, plans, defaultPlan, revocationSeconds);
    }

    public Options withAccessTokenValidity(Duration value) {
        return new Options(mode, host, port, dataDirectory, dataFile, generate, eventFile, value,
                cognitoRequestsPerSecond, plans, defaultPlan, revocationSeconds);
    }

    public Options withCognitoRequestsPerSecond(int value) {
        return new Options(mode, host, port, dataDirectory, dataFile, generate, eventFile, accessTokenValidity, value,
                plans, defaultPlan, revocationSeconds);
    }

    public Options withGenerate(Generate value) {
        return new Options(mode, host, port, dataDirectory, dataFile, Optional.of(value), eventFile,
                accessTokenValidity, cognitoRequestsPerSecond, plans, defaultPlan, revocationSeconds);
    }

    /** These plans, and {@code defaultPlan} as the demo tenants' plan. */
    public Options withPlans(Map<String, Plan> value, String defaultPlanValue) {
        return new Options(mode, host, port, dataDirectory, dataFile, generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond, value, defaultPlanValue, revocationSeconds);
    }

    public Options withRevocationSeconds(int value) {
        return new Options(mode, host, port, dataDirectory, dataFile, generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond, plans, defaultPlan, value);
    }

    /** The plan the demo tenants are on. */
    public Plan defaultUsagePlan() {
        return plans.get(defaultPlan);
    }
}
