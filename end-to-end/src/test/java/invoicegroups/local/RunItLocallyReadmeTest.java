package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import invoicegroups.local.ReadmeBlocks.Shell;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import tools.jackson.databind.JsonNode;

/**
 * The README's "Run it locally" blocks, run by bash as written against a running runner (its address aside): the
 * start command, the "Try it" pair, the paging example, a tenant throttled and another not, a start with other plans,
 * and {@code invoke}. Blocks that start the runner ({@code java -jar local/target/invoice-groups-local.jar ...}) run
 * the same class from the test's classpath, since the jar is packaged after the tests.
 */
class RunItLocallyReadmeTest {

    private List<String> blocks;

    @BeforeEach
    void readme() throws Exception {
        assumeTrue(ReadmeBlocks.onPath("bash", "curl", "sed", "xargs", "seq", "sort", "uniq"),
                "needs bash, curl, sed, xargs, seq, sort and uniq");
        blocks = ReadmeBlocks.bashBlocks(ReadmeBlocks.section("local"));
    }

    @Test
    void theStartCommandBuildsWithoutColourCodesThenRunsTheJar() throws Exception {
        assertThat(blocks.get(0).strip()).isEqualTo("mvn -q -B -Dstyle.color=never -pl local,ops -am package -DskipTests"
                + " && " + ReadmeBlocks.RUNNER_JAR);
        // Maven 3.8's console library writes colour resets even in batch mode, unless told not to by the JVM options
        // every mvn in this repository starts with.
        assertThat(Files.readString(ReadmeBlocks.REPOSITORY.resolve(".mvn/jvm.config")).strip())
                .isEqualTo("-Djansi.noreset=true");
    }

    @Test
    void theTryItPairAndThePagingExampleListAcmesFirstAndSecondPages() throws Exception {
        assertThat(blocks.get(1).strip().lines()).containsExactly(
                StartupBanner.tokenCommand(URI.create(ReadmeBlocks.README_PORT),
                        invoicegroups.local.cognito.DemoClients.ACME),
                StartupBanner.listCommand(URI.create(ReadmeBlocks.README_PORT)));
        try (RunningLocalApi local = RunningLocalApi.start()) {
            Shell shell = ReadmeBlocks.run(blocks.get(1) + blocks.get(2), local.api.baseUri());

            assertThat(shell.status()).as(shell.err()).isZero();
            assertThat(shell.err()).isEmpty();
            // Each answer as the API writes it: one JSON object, no line break after it.
            List<JsonNode> pages = RunningLocalApi.JSON.readerFor(JsonNode.class).<JsonNode>readValues(shell.out())
                    .readAll();
            assertThat(pages).hasSize(2);
            assertThat(ListingOverHttpTest.ids(pages.get(0))).hasSize(12);
            JsonNode second = pages.get(1);
            assertThat(ListingOverHttpTest.ids(second)).containsExactly("ig_acme_006", "ig_acme_007", "ig_acme_008",
                    "ig_acme_009", "ig_acme_010");
            assertThat(second.has("nextToken")).isTrue();
        }
    }

    @Test
    void oneTenantIsThrottledAndAnotherIsNot() throws Exception {
        String block = ReadmeBlocks.bashBlocks(ReadmeBlocks.section("local-throttling")).get(0);
        try (RunningLocalApi local = RunningLocalApi.start()) {
            Shell shell = ReadmeBlocks.run(block, local.api.baseUri());

            assertThat(shell.status()).as(shell.err()).isZero();
            Map<String, Integer> counts = new TreeMap<>();
            Matcher line = Pattern.compile("^\\s*(\\d+) (acme \\d{3})$", Pattern.MULTILINE).matcher(shell.out());
            while (line.find()) {
                counts.put(line.group(2), Integer.parseInt(line.group(1)));
            }
            assertThat(counts.keySet()).as(shell.out()).containsExactly("acme 200", "acme 429");
            assertThat(counts.get("acme 200")).as("at least the burst").isGreaterThanOrEqualTo(20);
            assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
            assertThat(shell.out()).endsWith("globex 200\n");
        }
    }

    @Test
    void theStartWithOtherPlansServesThem() throws Exception {
        String start = blocks.stream().filter(block -> block.contains("--plans")).findFirst().orElseThrow().strip();
        assertThat(start).startsWith(ReadmeBlocks.RUNNER_JAR + " ");
        // The arguments exactly as bash splits them, given to the runner's own parser.
        Shell split = ReadmeBlocks.run("printf '%s\\0' " + start.substring(ReadmeBlocks.RUNNER_JAR.length()),
                URI.create(ReadmeBlocks.README_PORT));
        List<String> args = new ArrayList<>(Arrays.asList(split.out().split("\0")));
        try (RunningLocalApi local = RunningLocalApi.start(args.toArray(String[]::new));
                ApiGatewayClient apiGateway = local.apiGatewayClient()) {
            Map<String, UsagePlan> plans = apiGateway.getUsagePlans(request -> request.limit(500)).items().stream()
                    .collect(Collectors.toMap(UsagePlan::name, plan -> plan));

            assertThat(plans).containsOnlyKeys("standard", "trial");
            assertThat(plans.get("trial").throttle().rateLimit()).isEqualTo(2.0);
            assertThat(plans.get("trial").throttle().burstLimit()).isEqualTo(5);
            assertThat(plans.get("trial").quota().limit()).isEqualTo(1000);
            OperatorCommand moved = OperatorCommand.tenants(local.api.baseUri(), "plan", "acme", "trial");
            assertThat(moved.status()).as(moved.err()).isZero();
        }
    }

    @Test
    void invokeRunsTheSampleEventsWithTheStatusesTheReadmeGives() throws Exception {
        String block = blocks.stream().filter(text -> text.contains(" invoke events/")).findFirst().orElseThrow();
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String runner = "'" + javaCommand + "' -cp '" + System.getProperty("java.class.path") + "' "
                + LocalApi.class.getName();

        Shell shell = ReadmeBlocks.run(block.replace(ReadmeBlocks.RUNNER_JAR, runner),
                URI.create(ReadmeBlocks.README_PORT));

        assertThat(shell.status()).as(shell.err()).isZero();
        List<Integer> statuses = shell.out().lines().map(RunningLocalApi.JSON::readTree)
                .map(response -> response.get("statusCode").intValue()).toList();
        List<Integer> documented = block.lines().map(line -> Integer.parseInt(line.replaceAll(".*# (\\d{3}).*", "$1")))
                .toList();
        assertThat(statuses).isEqualTo(documented).containsExactly(200, 200, 400, 403);
    }
}
