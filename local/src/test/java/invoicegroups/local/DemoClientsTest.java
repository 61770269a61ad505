package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.cognito.DemoClient;
import invoicegroups.local.cognito.DemoClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every tenant of the loaded data gets a demo client, printed at start, whose token lists that tenant's data. */
class DemoClientsTest {

    @TempDir
    Path directory;

    @Test
    void everyTenantOfADataFileGetsAPrintedDemoClientThatListsItsOwnInvoiceGroups() throws IOException {
        Path file = Files.writeString(directory.resolve("tenants.json"), "{"
                + "\"initech\": [" + group("ig_initech_001") + "," + group("ig_initech_002") + "],"
                + "\"umbrella.eu\": [" + group("ig_umbrella_001") + "]}");
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0).withDataFile(file),
                new PrintStream(banner, true, StandardCharsets.UTF_8))) {
            assertThat(banner.toString(StandardCharsets.UTF_8))
                    .contains("initech-demo:initech-demo-secret", "umbrella.eu-demo:umbrella.eu-demo-secret",
                            "acme-no-read:acme-no-read-secret")
                    .doesNotContain("globex-demo");

            assertThat(ids(local, DemoClients.forTenant("initech"))).containsExactly("ig_initech_001", "ig_initech_002");
            assertThat(ids(local, DemoClients.forTenant("umbrella.eu"))).containsExactly("ig_umbrella_001");
        }
    }

    @Test
    void theTenantOfGeneratedDataGetsADemoClientToo() {
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0)
                .withGenerate(new Options.Generate(3, "bench")))) {
            String token = local.token(DemoClients.forTenant("bench"));

            assertThat(ListingOverHttpTest.ids(RunningLocalApi.json(local.get("/invoice_groups", token))))
                    .containsExactly("ig_bench_gen_000000001", "ig_bench_gen_000000002", "ig_bench_gen_000000003");
        }
    }

    @Test
    void theSampleDataGivesAcmeAndGlobexTheirClientsAndAcmeNoRead() {
        assertThat(DemoClients.forTenants(List.of("acme", "globex")).stream().map(DemoClient::clientId))
                .containsExactly("acme-demo", "globex-demo", "acme-no-read");
    }

    @Test
    void aBannerOfManyTenantsShowsTheFirstDemoClientsAndSaysHowManyMore() {
        List<String> tenants = java.util.stream.IntStream.range(0, 25).mapToObj(i -> "t" + i).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StartupBanner.print(new PrintStream(out, true, StandardCharsets.UTF_8), java.net.URI.create("http://localhost:8080"),
                Options.defaults(), java.util.Map.of("t0", 1L), DemoClients.forTenants(tenants), java.time.Duration.ZERO);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("t19-demo:t19-demo-secret")
                .doesNotContain("t20-demo:").contains("... and 6 more");
    }

    private static List<String> ids(RunningLocalApi local, DemoClient client) {
        return ListingOverHttpTest.ids(RunningLocalApi.json(local.get("/invoice_groups", local.token(client))));
    }

    private static String group(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"N\",\"email\":\"b@example.com\",\"dailyInvoiceConsolidation\":false,"
                + "\"invoiceCurrency\":\"USD\",\"billingAddress\":{},\"accountsCount\":1,\"createdAt\":\"2024-03-01T09:05:00Z\",\"updatedAt\":\"2024-03-01T09:05:00Z\"}";
    }
}
