package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Try it" pair the runner prints, pasted into a shell as printed, for a user's own data: a file without
 * {@code acme}, one whose first tenant has no invoice group, and a restart on the same {@code --data-dir} after
 * {@code tenants suspend} (the suspended tenant's clients marked, the pair on the next active tenant; with every tenant
 * suspended, the token endpoint's answer shown instead of a token).
 */
class BannerCommandsTest {

    @TempDir
    Path directory;

    @BeforeAll
    static void shell() {
        assumeTrue(onPath("bash") && onPath("curl") && onPath("sed"), "needs bash, curl and sed");
    }

    @Test
    void withoutAcmeThePairListsTheFirstTenantsInvoiceGroups() throws Exception {
        Path file = data("{\"wayne\": [" + group("ig_wayne_001") + "," + group("ig_wayne_002") + "], \"stark\": []}");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0).withDataFile(file),
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            String banner = console.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains("wayne-demo:wayne-demo-secret", "stark-demo:stark-demo-secret",
                    "wayne-no-read:wayne-no-read-secret").doesNotContain("acme");

            Shell pasted = paste(tryIt(banner));

            assertThat(pasted.status()).isZero();
            assertThat(pasted.err()).isEmpty();
            assertThat(ListingOverHttpTest.ids(RunningLocalApi.JSON.readTree(pasted.out())))
                    .containsExactly("ig_wayne_001", "ig_wayne_002");
        }
    }

    @Test
    void aFirstTenantWithoutInvoiceGroupsGetsAPairThatAnswersAnEmptyPage() throws Exception {
        Path file = data("{\"stark\": [], \"wayne\": [" + group("ig_wayne_001") + "]}");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0).withDataFile(file),
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            List<String> pair = tryIt(console.toString(StandardCharsets.UTF_8));
            assertThat(pair.get(0)).contains("stark-demo:stark-demo-secret");

            Shell pasted = paste(pair);

            assertThat(pasted.out().strip()).isEqualTo("{\"data\":[]}");
            assertThat(pasted.err()).isEmpty();
        }
    }

    @Test
    void afterARestartSuspendedTenantsAreMarkedAndThePairShowsTheTokenEndpointsAnswer() throws Exception {
        Path file = data("{\"wayne\": [" + group("ig_wayne_001") + "], \"stark\": []}");
        Path kept = directory.resolve("kept");
        Options options = Options.defaults().withPort(0).withDataFile(file).withDataDirectory(kept);
        try (RunningLocalApi first = RunningLocalApi.start(options)) {
            assertThat(OperatorCommand.tenants(first.api.baseUri(), "suspend", "wayne").status()).isZero();
        }

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (RunningLocalApi second = RunningLocalApi.start(options,
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            String banner = console.toString(StandardCharsets.UTF_8);
            assertThat(banner.lines().filter(line -> line.startsWith("  wayne-demo:"))).singleElement().asString()
                    .endsWith("(suspended)");
            assertThat(banner.lines().filter(line -> line.startsWith("  stark-demo:"))).singleElement().asString()
                    .doesNotContain("suspended");
            List<String> pair = tryIt(banner);
            assertThat(pair.get(0)).as("the first active tenant").contains("stark-demo:stark-demo-secret");
            assertThat(paste(pair).out().strip()).isEqualTo("{\"data\":[]}");

            assertThat(OperatorCommand.tenants(second.api.baseUri(), "suspend", "stark").status()).isZero();
        }

        console.reset();
        try (RunningLocalApi third = RunningLocalApi.start(options,
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            String banner = console.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains("Try it (tenant wayne is suspended: the token endpoint's answer is shown"
                    + " instead of a token):");

            Shell pasted = paste(tryIt(banner));

            assertThat(pasted.err()).contains("\"error\":\"invalid_request\"")
                    .contains("PreTokenGeneration failed with error");
            assertThat(pasted.out().strip()).isEqualTo("{\"message\":\"Unauthorized\"}");
        }
    }

    /** The two lines under "Try it", as printed (without the indent). */
    static List<String> tryIt(String banner) {
        List<String> lines = banner.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Try it")) {
                return List.of(lines.get(i + 1).strip(), lines.get(i + 2).strip());
            }
        }
        throw new AssertionError("no Try it in the banner:\n" + banner);
    }

    record Shell(int status, String out, String err) {
    }

    /** The lines run by bash, one after the other, as if pasted into a terminal. */
    static Shell paste(List<String> lines) throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("bash", "-c", String.join("\n", lines) + "\n").start();
        assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Shell(shell.exitValue(), new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(shell.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Path data(String json) throws IOException {
        return Files.writeString(directory.resolve("data-" + System.nanoTime() + ".json"), json);
    }

    static String group(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"N\",\"email\":\"b@example.com\",\"dailyInvoiceConsolidation\":false,"
                + "\"invoiceCurrency\":\"USD\",\"billingAddress\":{},\"accountsCount\":1,"
                + "\"createdAt\":\"2024-03-01T09:05:00Z\",\"updatedAt\":\"2024-03-01T09:05:00Z\"}";
    }

    static boolean onPath(String command) {
        return System.getenv("PATH") != null && Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
