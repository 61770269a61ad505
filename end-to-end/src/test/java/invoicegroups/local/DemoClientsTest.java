package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.DemoTenants.DemoTenant;
import invoicegroups.local.apigateway.ApiKey;
import invoicegroups.local.cognito.DemoClient;
import invoicegroups.local.cognito.DemoClients;
import invoicegroups.table.Plan;
import invoicegroups.table.TenantRegistryTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every tenant of the loaded data (an empty one included) gets a tenant record, an API key in the default plan's usage
 * plan and a demo client, printed at start, whose token lists that tenant's data; the no-read client belongs to the
 * first tenant loaded.
 */
class DemoClientsTest {

    @TempDir
    Path directory;

    @Test
    void everyTenantOfADataFileGetsAPrintedDemoClientThatListsItsOwnInvoiceGroups() throws IOException {
        Path file = Files.writeString(directory.resolve("tenants.json"), "{"
                + "\"initech\": [" + group("ig_initech_001") + "," + group("ig_initech_002") + "],"
                + "\"umbrella.eu\": [" + group("ig_umbrella_001") + "],"
                + "\"stark\": []}");
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0).withDataFile(file),
                new PrintStream(banner, true, StandardCharsets.UTF_8))) {
            assertThat(banner.toString(StandardCharsets.UTF_8))
                    .contains("initech-demo:initech-demo-secret", "umbrella.eu-demo:umbrella.eu-demo-secret",
                            "stark-demo:stark-demo-secret", "initech-no-read:initech-no-read-secret")
                    .contains("Invoice groups loaded: initech 2, umbrella.eu 1, stark 0")
                    .doesNotContain("globex-demo", "acme");

            assertThat(ids(local, DemoClients.forTenant("initech"))).containsExactly("ig_initech_001", "ig_initech_002");
            assertThat(ids(local, DemoClients.forTenant("umbrella.eu"))).containsExactly("ig_umbrella_001");
            assertThat(ids(local, DemoClients.forTenant("stark"))).isEmpty();
            // The no-read client belongs to the first tenant of the data: a valid token, denied for want of the scope.
            assertThat(local.get("/invoice_groups", local.token(DemoClients.withoutRead("initech"))).statusCode())
                    .isEqualTo(403);
            assertThat(local.requestToken(RunningLocalApi.basic("acme-no-read", "acme-no-read-secret"),
                    "grant_type=client_credentials").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void everyDemoTenantHasATenantRecordAndAnApiKeyInTheDefaultPlansUsagePlan() throws IOException {
        Path file = Files.writeString(directory.resolve("tenants.json"), "{\"wayne\": [" + group("ig_wayne_001")
                + "], \"stark\": []}");
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0).withDataFile(file)
                .withPlans(Plan.DEFAULTS, "premium"))) {
            for (String tenant : List.of("wayne", "stark")) {
                Map<String, AttributeValue> record = local.api.deployment().dynamoDb().getItem(get -> get
                        .tableName(TenantRegistryTable.DEFAULT_NAME).key(Map.of(TenantRegistryTable.PARTITION_KEY,
                                AttributeValue.fromS(TenantRegistryTable.tenantRecordKey(tenant))))).item();
                assertThat(record.get(TenantRegistryTable.STATUS).s()).isEqualTo(TenantRegistryTable.ACTIVE);
                assertThat(record.get(TenantRegistryTable.PLAN).s()).isEqualTo("premium");
                ApiKey key = local.api.deployment().apiKeys().find(record.get(TenantRegistryTable.API_KEY_ID).s())
                        .orElseThrow();
                assertThat(key.name()).isEqualTo("invoice-groups/local/" + tenant);
                assertThat(key.value()).isEqualTo(record.get(TenantRegistryTable.API_KEY_VALUE).s());
                assertThat(key.enabled()).isTrue();
                assertThat(key.usagePlanId()).hasValue("premium");
            }
            OperatorCommand check = OperatorCommand.tenants(local.api.baseUri(), "check");
            assertThat(check.status()).as(check.err()).isZero();
            assertThat(check.err()).contains("all consistent");
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
        assertThat(DemoClients.forTenants(List.of())).isEmpty();
    }

    @Test
    void aBannerOfManyTenantsShowsTheFirstDemoClientsAndSaysHowManyMore() {
        List<DemoTenant> tenants = java.util.stream.IntStream.range(0, 25).mapToObj(i -> new DemoTenant("t" + i,
                TenantRegistryTable.ACTIVE, Plan.DEFAULT_PLAN, List.of(DemoClients.forTenant("t" + i)), false)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StartupBanner.print(new PrintStream(out, true, StandardCharsets.UTF_8), java.net.URI.create("http://localhost:8080"),
                Options.defaults(), java.util.Map.of("t0", 1L), tenants, java.time.Duration.ZERO);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("t19-demo:t19-demo-secret")
                .doesNotContain("t20-demo:").contains("... and 5 more");
    }

    private static List<String> ids(RunningLocalApi local, DemoClient client) {
        return ListingOverHttpTest.ids(RunningLocalApi.json(local.get("/invoice_groups", local.token(client))));
    }

    private static String group(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"N\",\"email\":\"b@example.com\",\"dailyInvoiceConsolidation\":false,"
                + "\"invoiceCurrency\":\"USD\",\"billingAddress\":{},\"accountsCount\":1,\"createdAt\":\"2024-03-01T09:05:00Z\",\"updatedAt\":\"2024-03-01T09:05:00Z\"}";
    }
}
