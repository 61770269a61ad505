package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.table.TenantId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A busy port, a bad option or a bad file is one line on stderr and a non-zero exit, never a stack trace. */
class CommandLineTest {


    @Test
    void aPortInUseIsAOneLineErrorAndExitStatusOne() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandOutcome outcome = java("--port", Integer.toString(busy.getLocalPort()));

            assertThat(outcome.status()).isEqualTo(1);
            assertThat(outcome.err().strip()).isEqualTo("error: port " + busy.getLocalPort()
                    + " is already in use: stop what is using it, or pick another with --port");
        }
    }

    @Test
    void invokeAsItsOwnProcessPrintsOnlyTheResponseAndExits() throws Exception {
        CommandOutcome outcome = java("invoke", "../events/first-page.json");

        assertThat(outcome.status()).as(outcome.err()).isZero();
        assertThat(RunningLocalApi.JSON.readTree(outcome.out()).get("statusCode").intValue()).isEqualTo(200);
    }

    @Test
    void anUnknownOptionIsAOneLineUsageErrorAndExitStatusTwo() throws Exception {
        CommandOutcome outcome = java("--prot", "8081");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err().strip()).isEqualTo("error: unknown option --prot (see --help)");
    }

    @Test
    void aMissingDataFileIsAOneLineErrorAndExitStatusOne() throws Exception {
        CommandOutcome outcome = java("--data-file", "no-such-file.json");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err().strip()).isEqualTo("error: no-such-file.json: no such file");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertUsageError(CommandOutcome.run("--port", "eighty"), "error: --port must be a whole number, not eighty");
        assertUsageError(CommandOutcome.run("--port", "70000"), "error: --port must be from 0 to 65535, not 70000");
        assertUsageError(CommandOutcome.run("--port"), "error: --port needs a value (see --help)");
        assertUsageError(CommandOutcome.run("--generate", "10"), "error: --generate and --tenant go together: --generate N --tenant TENANT");
        assertUsageError(CommandOutcome.run("--generate", "0", "--tenant", "bench"), "error: --generate must be from 1 to 10000000, not 0");
        assertUsageError(CommandOutcome.run("--generate", "5", "--tenant", "no spaces"), "error: --tenant must be " + TenantId.RULE);
        assertUsageError(CommandOutcome.run("--access-token-validity", "4"),
                "error: --access-token-validity must be from 5 to 1440 minutes, not 4");
        assertUsageError(CommandOutcome.run("--cognito-rate-limit", "0"),
                "error: --cognito-rate-limit must be from 1 to 10000 calls per second, not 0");
        assertUsageError(CommandOutcome.run("serve"), "error: unexpected argument serve (see --help)");
        assertUsageError(CommandOutcome.run("--host", "no such host.invalid"),
                "error: --host must be an address of this machine, or a name that resolves to one, not no such host.invalid");
        assertUsageError(CommandOutcome.run("invoke"), "error: invoke needs a value (see --help)");
        assertUsageError(CommandOutcome.run("--port=8081", "--prot=1"), "error: unknown option --prot=1 (see --help)");
    }

    @Test
    void plansAreTheStacksFormatHeldToApiGatewaysLimitsWithoutQuotingTheValue() {
        assertUsageError(CommandOutcome.run("--plans", "not json"), "error: --plans: not valid JSON (line 1, column 1)");
        assertUsageError(CommandOutcome.run("--plans", "{\"standard\": {\"rateLimit\": \"\u0001secret"),
                "error: --plans: not valid JSON (line 1, column 29)");
        assertUsageError(CommandOutcome.run("--plans", "[]"), "error: --plans: must be a JSON object of plan name to"
                + " limits, with at least one plan, e.g. {\"standard\": {\"rateLimit\": 10, \"burstLimit\": 20}}");
        assertUsageError(CommandOutcome.run("--plans", "{\"Gold\": {\"rateLimit\": 1, \"burstLimit\": 1}}"),
                "error: --plans: plan names must be a lower-case letter, then lower-case letters, digits or '-' (at"
                        + " most 32)");
        assertUsageError(CommandOutcome.run("--plans", "{\"standard\": {\"rateLimit\": 10001, \"burstLimit\": 1}}"),
                "error: --plans: plan standard: rateLimit must be a number of requests per second above 0 and at most"
                        + " 10000 (API Gateway: no higher than the account's limit)");
        assertUsageError(CommandOutcome.run("--plans", "{\"standard\": {\"rateLimit\": 10, \"burstLimit\": 2.5}}"),
                "error: --plans: plan standard: burstLimit must be a whole number 1..5000 (API Gateway: no higher than"
                        + " the account's burst)");
        assertUsageError(CommandOutcome.run("--plans",
                "{\"standard\": {\"rateLimit\": 10, \"burstLimit\": 2, \"monthlyQuota\": 0}}"),
                "error: --plans: plan standard: monthlyQuota must be a whole number 1..2147483647 (API Gateway's quota"
                        + " limit)");
        assertUsageError(CommandOutcome.run("--plans", "{\"standard\": {\"rateLimit\": 10, \"burst\": 2}}"),
                "error: --plans: plan standard has an unknown field (only rateLimit, burstLimit, monthlyQuota)");
        assertUsageError(CommandOutcome.run("--plans", "{\"gold\": {\"rateLimit\": 1, \"burstLimit\": 1}}"),
                "error: --plans has no plan standard, the default plan: name one with --default-plan (plans: gold)");
        assertUsageError(CommandOutcome.run("--default-plan", "gold"),
                "error: --default-plan gold is not one of the plans (plans: premium, standard)");
        assertUsageError(CommandOutcome.run("--default-plan", "Gold"), "error: --default-plan must be a plan name: a"
                + " lower-case letter, then lower-case letters, digits or '-' (at most 32)");
        assertUsageError(CommandOutcome.run("--revocation-seconds", "3601"),
                "error: --revocation-seconds must be from 0 to 3600, not 3601");
        assertUsageError(CommandOutcome.run("--revocation-seconds", "-1"),
                "error: --revocation-seconds must be from 0 to 3600, not -1");
    }

    @Test
    void plansAndTheDefaultPlanAreRead() {
        Options options = OptionsParser.parse(List.of("--plans", "{\"trial\": {\"rateLimit\": 0.5, \"burstLimit\": 1,"
                + " \"monthlyQuota\": 100}, \"gold\": {\"rateLimit\": 100, \"burstLimit\": 200}}",
                "--default-plan", "trial", "--revocation-seconds", "2"));

        assertThat(options.plans()).containsOnlyKeys("gold", "trial");
        assertThat(options.plans().get("trial")).isEqualTo(new invoicegroups.table.Plan("trial", 0.5, 1,
                java.util.OptionalLong.of(100)));
        assertThat(options.defaultPlan()).isEqualTo("trial");
        assertThat(options.revocationSeconds()).isEqualTo(2);
        Options defaults = OptionsParser.parse(List.of());
        assertThat(defaults.plans()).isEqualTo(invoicegroups.table.Plan.DEFAULTS);
        assertThat(defaults.defaultPlan()).isEqualTo(invoicegroups.table.Plan.DEFAULT_PLAN);
        assertThat(defaults.revocationSeconds()).isEqualTo(invoicegroups.table.AccessTokens.DEFAULT_REVOCATION_SECONDS);
        assertThat(defaults.accessTokenValidity().toMinutes())
                .isEqualTo(invoicegroups.table.AccessTokens.DEFAULT_VALIDITY_MINUTES);
    }

    @Test
    void aSingleValuedOptionGivenTwiceIsAUsageError() {
        assertUsageError(CommandOutcome.run("--data-file", "a.json", "--data-file", "b.json"),
                "error: --data-file is given more than once: give it once (see --help)");
        assertUsageError(CommandOutcome.run("--port", "1", "--port=2"),
                "error: --port is given more than once: give it once (see --help)");
    }

    @Test
    void versionNamesTheRunnerAndWhatItRunsOn() {
        CommandOutcome outcome = CommandOutcome.run("--version");

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).startsWith("invoice-groups-local 1.0.0-SNAPSHOT")
                .contains("DynamoDB Local 2.6.1", "Jetty 12.1.", "Java ");
    }

    @Test
    void anAddressNotOfThisMachineIsAOneLineErrorAndExitStatusOne() throws Exception {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
        CommandOutcome outcome = java("--host", "192.0.2.1", "--port", "0");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err().strip().lines().reduce((first, second) -> second).orElseThrow())
                .startsWith("error: cannot listen on 192.0.2.1 port 0: ");
    }

    @Test
    void helpExplainsEveryOption() {
        CommandOutcome outcome = CommandOutcome.run("--help");

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).contains("--port", "--host", "--data-dir", "--data-file", "--generate", "--tenant",
                "--access-token-validity", "--cognito-rate-limit", "--plans", "--default-plan", "--revocation-seconds",
                "invoke", "--help", "--version", "WARNING");
        assertThat(CommandOutcome.run("invoke", "--help").out()).contains("EVENT_FILE");
    }

    @Test
    void theReadmesOptionsTableNamesEveryOptionTheRunnerTakes() throws IOException {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
        String options = readme.substring(readme.indexOf("### Options"), readme.indexOf("### How the local flow maps"));
        picocli.CommandLine commandLine = new picocli.CommandLine(new RunnerCommand());

        List<String> firstCells = options.lines().filter(line -> line.startsWith("| `"))
                .map(line -> line.substring(0, line.indexOf(" |", 2))).toList();
        for (picocli.CommandLine.Model.OptionSpec option : commandLine.getCommandSpec().options()) {
            assertThat(firstCells).as(option.longestName()).anyMatch(cell -> cell.contains("`" + option.longestName())
                    || cell.contains(" " + option.longestName()));
        }
        assertThat(options).contains("| `invoke EVENT_FILE` |");
    }

    private static void assertUsageError(CommandOutcome outcome, String line) {
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err().strip()).isEqualTo(line);
    }


    /** The runner as its own JVM, as the README starts it, so the exit status and stderr are the real ones. */
    private static CommandOutcome java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalApi.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the runner did not exit: " + command);
        }
        return new CommandOutcome(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
