package invoicegroups.ops;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.deployment.Retries;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command line on picocli: help per command from the definitions that parse, usage errors in one line with
 * exit status 2, the version, the completion script; every failure one line on stderr, never a stack trace.
 */
class OpsTest {

    static final List<List<String>> COMMANDS = List.of(List.of("tenants"), List.of("tenants", "add"),
            List.of("tenants", "list"), List.of("tenants", "show"), List.of("tenants", "suspend"),
            List.of("tenants", "resume"), List.of("tenants", "rotate"), List.of("tenants", "plan"),
            List.of("tenants", "remove-client"), List.of("tenants", "remove"), List.of("tenants", "check"),
            List.of("import"), List.of("generate-completion"));

    @Test
    void helpListsEveryCommandAndTheExitStatuses() {
        Outcome help = Outcome.of("--help");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("tenants", "import", "generate-completion", "--version",
                "Exit status:",
                "2   a bad command line", "5   a conflict (exists already, changed by another command, a limit");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void everyCommandHasItsOwnHelpFromTheSameDefinitions() {
        for (List<String> command : COMMANDS) {
            List<String> args = new java.util.ArrayList<>(command);
            args.add("--help");

            Outcome help = Outcome.of(args.toArray(String[]::new));

            assertThat(help.status()).as(command.toString()).isZero();
            assertThat(help.out()).as(command.toString()).startsWith("Usage: ops " + String.join(" ", command));
        }
        assertThat(Outcome.of("tenants", "--help").out()).contains("add", "list", "show", "suspend", "resume",
                "rotate", "plan", "remove-client", "remove", "check");
        assertThat(Outcome.of("tenants", "add", "--help").out()).contains("--file=FILE", "--plan=PLAN",
                "--output=FORMAT", "--stack=NAME", "--region=REGION", "--endpoint=URL");
        assertThat(Outcome.of("tenants", "check", "--help").out()).contains("--repair");
        assertThat(Outcome.of("import", "--help").out()).contains("--table=NAME", "--dry-run", "--endpoint=URL");
    }

    /** What each command needs besides options, so that the unknown option is the only problem. */
    static final java.util.Map<String, List<String>> OPERANDS = java.util.Map.of("show", List.of("acme"),
            "suspend", List.of("acme"), "resume", List.of("acme"), "rotate", List.of("acme"),
            "plan", List.of("acme", "premium"), "remove-client", List.of("c1"), "remove", List.of("acme"),
            "import", List.of("data.json"));

    @Test
    void unknownOptionsAreRefusedInOneLineForEveryCommand() {
        for (List<String> command : COMMANDS) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(OPERANDS.getOrDefault(command.get(command.size() - 1), List.of()));
            args.add("--bogus");

            Outcome outcome = Outcome.of(args.toArray(String[]::new));

            assertThat(outcome.status()).as(command.toString()).isEqualTo(2);
            assertThat(outcome.err().lines()).as(command.toString()).hasSize(1);
            assertThat(outcome.errorLine()).as(command.toString()).startsWith("error: Unknown option: '--bogus'")
                    .endsWith("(see ops " + String.join(" ", command) + " --help)");
            assertThat(outcome.out()).isEmpty();
        }
    }

    @Test
    void missingValuesAndParametersAreRefusedInOneLine() {
        assertOneLine(Outcome.of("tenants", "list", "--endpoint"), 2,
                "error: Missing required parameter for option '--endpoint' (URL) (see ops tenants list --help)");
        assertOneLine(Outcome.of("tenants", "add", "--plan", "--endpoint", "http://localhost:1"), 2,
                "error: Expected parameter for option '--plan' but found '--endpoint' (see ops tenants add --help)");
        assertOneLine(Outcome.of("tenants", "show"), 2,
                "error: Missing required parameter: 'TENANT' (see ops tenants show --help)");
        assertOneLine(Outcome.of("tenants", "plan", "acme"), 2,
                "error: Missing required parameter: 'PLAN' (see ops tenants plan --help)");
        assertOneLine(Outcome.of("tenants", "list", "--output", "xml"), 2,
                "error: Invalid value for option '--output': expected one of [text, json] (case-sensitive) but was"
                        + " 'xml' (see ops tenants list --help)");
        assertOneLine(Outcome.of("tenants", "add"), 2, "error: tenants add takes a TENANT or --file FILE, not both"
                + " and not neither (see ops tenants add --help)");
    }

    @Test
    void noCommandOrSubCommandIsAUsageError() {
        assertOneLine(Outcome.of(), 2, "error: no command: tenants, import or generate-completion (see ops --help)");
        assertOneLine(Outcome.of("tenants"), 2, "error: tenants needs a sub-command: add, list, show, suspend,"
                + " resume, rotate, plan, remove-client, remove or check (see ops tenants --help)");
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatDoesNotRepeatLongInput() {
        Outcome outcome = Outcome.of("x".repeat(5000));

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err().lines()).hasSize(1);
        assertThat(outcome.errorLine()).startsWith("error: Unmatched argument at index 0: 'xxx").hasSizeLessThan(400);
    }

    @Test
    void versionNamesTheProjectVersion() {
        Outcome version = Outcome.of("--version");

        assertThat(version.status()).isZero();
        assertThat(version.out().strip()).matches("invoice-groups ops \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void theCompletionScriptIsGeneratedFromTheCommandTree() {
        Outcome completion = Outcome.of("generate-completion");

        assertThat(completion.status()).isZero();
        assertThat(completion.out()).contains("complete -F _complete_ops", "remove-client", "--repair", "--plan");
    }

    @Test
    void anInvalidTenantIdIsAUsageErrorStatingTheRule() {
        assertOneLine(Outcome.of("tenants", "add", "ac me", "--endpoint", "http://localhost:8080"), 2,
                "error: TENANT must be a tenant id: 1 to 128 letters, digits, '.', '_', ':' or '-'");
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
        Environment quick = new Environment(new Retries(1, java.time.Duration.ofMillis(1),
                java.time.Duration.ofMillis(1)), Clock.systemUTC(), Environment.Steps.NONE);

        Outcome outcome = Outcome.of(quick, "tenants", "show", "acme", "--endpoint", "http://127.0.0.1:" + port);

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err().lines()).hasSize(1);
        assertThat(outcome.errorLine()).startsWith("error: cannot reach the local runner at http://127.0.0.1:" + port
                + " for dynamodb:GetItem: ConnectException");
    }

    @Test
    void aTargetWithoutApiGatewaysApiIsOneLineNamingTheCall() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"message\":\"Not Found\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Outcome outcome = Outcome.of("tenants", "add", "acme", "--endpoint",
                    "http://127.0.0.1:" + server.getAddress().getPort());

            assertOneLine(outcome, 1, "error: apigateway:GET on /usageplans (GetUsagePlans) failed: HTTP 404: Not"
                    + " Found");
        } finally {
            server.stop(0);
        }
    }

    static void assertOneLine(Outcome outcome, int status, String line) {
        assertThat(outcome.status()).as(outcome.err()).isEqualTo(status);
        assertThat(outcome.err()).isEqualTo(line + System.lineSeparator());
        assertThat(outcome.out()).isEmpty();
    }
}
