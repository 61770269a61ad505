package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import invoicegroups.local.cognito.DemoClients;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The curl pair the runner prints, and the README shows, works as printed. */
class ReadmeCommandsTest {

    @Test
    void theReadmeShowsTheCurlPairTheRunnerPrints() throws IOException {
        URI readmePort = URI.create("http://localhost:8080");
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(readme).contains(StartupBanner.tokenCommand(readmePort, DemoClients.ACME))
                .contains(StartupBanner.listCommand(readmePort));
    }

    @Test
    void theCurlPairListsAcmesInvoiceGroupsWhenPastedIntoAShell() throws Exception {
        assumeTrue(onPath("curl") && onPath("sed") && onPath("bash"), "needs bash, curl and sed");
        try (RunningLocalApi local = RunningLocalApi.start()) {
            String script = StartupBanner.tokenCommand(local.api.baseUri(), DemoClients.ACME) + "\n"
                    + StartupBanner.listCommand(local.api.baseUri()) + "\n";

            Process shell = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(shell.exitValue()).as(out).isZero();
            assertThat(ListingOverHttpTest.ids(RunningLocalApi.JSON.readTree(out))).startsWith("ig_acme_001")
                    .hasSize(12);
        }
    }

    private static boolean onPath(String command) {
        return System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
