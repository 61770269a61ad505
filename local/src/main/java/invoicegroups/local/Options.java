package invoicegroups.local;

import invoicegroups.local.cognito.LocalUserPool;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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
        int cognitoRequestsPerSecond) {

    public static final int DEFAULT_PORT = 8080;
    /** 127.0.0.1: the runner answers this machine only. */
    public static final InetAddress DEFAULT_HOST = InetAddress.getLoopbackAddress();

    public enum Mode { SERVE, INVOKE, HELP, VERSION }

    /** {@code --generate count --tenant tenantId}. */
    public record Generate(int count, String tenantId) {
    }

    /** The defaults: serve on 127.0.0.1:8080, in memory, with the bundled sample data. */
    public static Options defaults() {
        return new Options(Mode.SERVE, DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), LocalUserPool.DEFAULT_ACCESS_TOKEN_VALIDITY, 0);
    }

    public Options withHost(InetAddress value) {
        return new Options(mode, value, port, dataDirectory, dataFile, generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond);
    }

    public Options withPort(int value) {
        return new Options(mode, host, value, dataDirectory, dataFile, generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond);
    }

    public Options withDataDirectory(Path value) {
        return new Options(mode, host, port, Optional.of(value), dataFile, generate, eventFile, accessTokenValidity,
                cognitoRequestsPerSecond);
    }

    public Options withDataFile(Path value) {
        return new Options(mode, host, port, dataDirectory, Optional.of(value), generate, eventFile,
                accessTokenValidity, cognitoRequestsPerSecond);
    }

    public Options withAccessTokenValidity(Duration value) {
        return new Options(mode, host, port, dataDirectory, dataFile, generate, eventFile, value,
                cognitoRequestsPerSecond);
    }

    public Options withCognitoRequestsPerSecond(int value) {
        return new Options(mode, host, port, dataDirectory, dataFile, generate, eventFile, accessTokenValidity, value);
    }

    public Options withGenerate(Generate value) {
        return new Options(mode, host, port, dataDirectory, dataFile, Optional.of(value), eventFile,
                accessTokenValidity, cognitoRequestsPerSecond);
    }
}
