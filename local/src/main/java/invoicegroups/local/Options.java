package invoicegroups.local;

import invoicegroups.local.cognito.LocalUserPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The runner's command line.
 *
 * @param mode serve the API, invoke the handler once, or print the usage
 * @param port the HTTP port (0: any free port)
 * @param dataDirectory where DynamoDB Local keeps its data; empty: in memory
 * @param dataFile invoice groups to load instead of the bundled sample data
 * @param generate synthetic invoice groups to add, if any
 * @param eventFile the API Gateway event for the invoke mode
 * @param accessTokenValidity the lifetime of access tokens for app clients that set none of their own
 * @param cognitoRequestsPerSecond the simulated throttle of the user-pool-client API; 0: none
 */
public record Options(
        Mode mode,
        int port,
        Optional<Path> dataDirectory,
        Optional<Path> dataFile,
        Optional<Generate> generate,
        Optional<Path> eventFile,
        Duration accessTokenValidity,
        int cognitoRequestsPerSecond) {

    public static final int DEFAULT_PORT = 8080;

    public enum Mode { SERVE, INVOKE, HELP }

    /** {@code --generate count --tenant tenantId}. */
    public record Generate(int count, String tenantId) {
    }

    /** The defaults: serve on 8080, in memory, with the bundled sample data. */
    public static Options defaults() {
        return new Options(Mode.SERVE, DEFAULT_PORT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), LocalUserPool.DEFAULT_ACCESS_TOKEN_VALIDITY, 0);
    }

    public Options withPort(int value) {
        return new Options(mode, value, dataDirectory, dataFile, generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond);
    }

    public Options withDataDirectory(Path value) {
        return new Options(mode, port, Optional.of(value), dataFile, generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond);
    }

    public Options withDataFile(Path value) {
        return new Options(mode, port, dataDirectory, Optional.of(value), generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond);
    }

    public Options withAccessTokenValidity(Duration value) {
        return new Options(mode, port, dataDirectory, dataFile, generate, eventFile, value, cognitoRequestsPerSecond);
    }

    public Options withCognitoRequestsPerSecond(int value) {
        return new Options(mode, port, dataDirectory, dataFile, generate, eventFile, accessTokenValidity, value);
    }

    public Options withGenerate(Generate value) {
        return new Options(mode, port, dataDirectory, dataFile, Optional.of(value), eventFile, accessTokenValidity,
                cognitoRequestsPerSecond);
    }
}
