package invoicegroups.ops;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.ops.cli.Command;
import invoicegroups.ops.failure.CommandFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every failure is one line on stderr with its exit status; never a stack trace. */
class OpsTest {

    @Test
    void helpListsEveryCommandAndExitsZero() {
        Outcome help = Outcome.of("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("tenants add TENANT", "tenants add --file FILE", "tenants list",
                "tenants suspend TENANT", "tenants resume TENANT", "tenants rotate TENANT",
                "tenants remove-client CLIENT_ID", "tenants remove TENANT", "import FILE", "--stack NAME",
                "--endpoint URL");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void noCommandIsAUsageError() {
        assertOneLine(Outcome.of(), 2, "error: no command: tenants or import (see --help)");
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatDoesNotRepeatLongInput() {
        Outcome outcome = Outcome.of("x".repeat(5000));

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errorLine()).startsWith("error: unknown command xxx").hasSizeLessThan(150);
    }

    @Test
    void anInvalidTenantIdIsAUsageErrorStatingTheRule() {
        assertOneLine(Outcome.of("tenants", "add", "ac me", "--endpoint", "http://localhost:8080"), 2,
                "error: TENANT must be a tenant id: 1 to 128 letters, digits, '.', '_', ':' or '-'");
    }

    @Test
    void anOptionTheSubCommandDoesNotTakeIsNamed() {
        assertOneLine(Outcome.of("tenants", "list", "--file", "x"), 2,
                "error: tenants list does not take --file (see --help)");
    }

    @Test
    void endpointAndStackExcludeEachOther() {
        assertOneLine(Outcome.of("tenants", "list", "--endpoint", "http://localhost:8080", "--stack", "X"), 2,
                "error: --endpoint is the local runner: it takes no --stack or --region");
    }

    @Test
    void aMalformedEndpointIsAUsageError() {
        assertOneLine(Outcome.of("tenants", "list", "--endpoint", "localhost:8080/path"), 2,
                "error: --endpoint must be the local runner's URL, such as http://localhost:8080");
    }

    @Test
    void aMalformedStackNameIsAUsageError() {
        assertThat(Outcome.of("tenants", "list", "--stack", "1nvalid_name").errorLine())
                .startsWith("error: --stack must be a CloudFormation stack name");
    }

    @Test
    void aLocalRunnerThatIsNotRunningIsOneLineNamingIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Outcome outcome = Outcome.of("tenants", "list", "--endpoint", "http://127.0.0.1:" + port);

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err().lines()).hasSize(1);
        assertThat(outcome.errorLine()).startsWith("error: cannot reach the local runner at http://127.0.0.1:" + port
                + " for dynamodb:Scan: ConnectException");
    }

    @Test
    void anUnexpectedExceptionIsStillOneLine() {
        Command broken = (arguments, out, err) -> {
            throw new IllegalStateException("first line\nsecond line");
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Ops.run(Map.of("broken", broken), List.of("broken"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(CommandFailure.Unavailable.EXIT_STATUS);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("error: unexpected java.lang.IllegalStateException: first line" + System.lineSeparator());
    }

    static void assertOneLine(Outcome outcome, int status, String line) {
        assertThat(outcome.status()).as(outcome.err()).isEqualTo(status);
        assertThat(outcome.err()).isEqualTo(line + System.lineSeparator());
        assertThat(outcome.out()).isEmpty();
    }
}
