package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's command blocks, run by bash from the repository root as a user pastes them: only the runner's address
 * is changed ({@value #README_PORT} becomes the test runner's free port).
 */
final class ReadmeBlocks {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final String README_PORT = "http://localhost:8080";
    /** The command the README starts the runner with; the tests run the same class from their classpath. */
    static final String RUNNER_JAR = "java -jar local/target/invoice-groups-local.jar";

    private ReadmeBlocks() {
    }

    /** The README between {@code <!-- name:start -->} and {@code <!-- name:end -->}. */
    static String section(String name) throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        int start = readme.indexOf("<!-- " + name + ":start -->");
        int end = readme.indexOf("<!-- " + name + ":end -->");
        assertThat(start).as("README's section " + name).isNotNegative();
        assertThat(end).as("README's section " + name).isGreaterThan(start);
        return readme.substring(start, end);
    }

    /** The contents of the text's ```bash blocks, in order. */
    static List<String> bashBlocks(String text) {
        return Arrays.stream(text.split("```bash\n")).skip(1).map(block -> block.substring(0, block.indexOf("```")))
                .toList();
    }

    /** What a run of a block gave. */
    record Shell(int status, String out, String err) {
    }

    /** The block run by bash in the repository root, against the runner at {@code base}. */
    static Shell run(String block, URI base) throws IOException, InterruptedException {
        String script = block.replace(README_PORT, base.toString().replaceAll("/$", ""));
        Process shell = new ProcessBuilder("bash", "-c", script).directory(REPOSITORY.toFile()).start();
        byte[] out = shell.getInputStream().readAllBytes();
        byte[] err = shell.getErrorStream().readAllBytes();
        assertThat(shell.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Shell(shell.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    static boolean onPath(String... commands) {
        return Arrays.stream(commands).allMatch(command -> System.getenv("PATH") != null
                && Arrays.stream(System.getenv("PATH").split(":"))
                        .anyMatch(directory -> Files.isExecutable(Path.of(directory, command))));
    }

    static boolean opsJarBuilt() {
        return Files.isRegularFile(REPOSITORY.resolve("ops/target/invoice-groups-ops.jar"));
    }
}
