package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's {@code import} commands, run by a shell as written, against a running runner. */
class ImportReadmeTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String README_PORT = "http://localhost:8080";

    @Test
    void theReadmesImportCommandsCheckThenLoadTheSampleIntoTheRunner() throws Exception {
        assumeTrue(onPath("bash"), "needs bash");
        assumeTrue(Files.isRegularFile(REPOSITORY.resolve("ops/target/invoice-groups-ops.jar")),
                "needs the ops jar (mvn -pl end-to-end -am verify builds it first)");
        String block = importSection().split("```bash\n")[1];
        block = block.substring(0, block.indexOf("```"));

        try (RunningLocalApi local = RunningLocalApi.start()) {
            String script = "set -e\n" + block.replace(README_PORT, local.api.baseUri().toString());
            Process shell = new ProcessBuilder("bash", "-c", script).directory(REPOSITORY.toFile())
                    .redirectErrorStream(true).start();
            assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(shell.exitValue()).as(out).isZero();
            assertThat(out.lines()).containsExactly(
                    "dry run: local/src/main/resources/sample-invoice-groups.json holds 19 valid invoice groups of 2"
                            + " tenants; nothing written",
                    "imported 19 invoice groups of 2 tenants from local/src/main/resources/sample-invoice-groups.json"
                            + " into table invoice-groups (the local runner at "
                            + local.api.baseUri().toString().replaceAll("/$", "")
                            + "): 1 BatchWriteItem calls, 0 unprocessed items retried");
        }
    }

    private static String importSection() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        int start = readme.indexOf("<!-- ops-import:start -->");
        int end = readme.indexOf("<!-- ops-import:end -->");
        assertThat(start).as("README's import commands").isNotNegative();
        return readme.substring(start, end);
    }

    private static boolean onPath(String command) {
        return System.getenv("PATH") != null && Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
