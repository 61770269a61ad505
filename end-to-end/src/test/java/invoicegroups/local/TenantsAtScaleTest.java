package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.data.TenantInvoiceGroup;
import invoicegroups.local.OperatorCommand.Credentials;
import invoicegroups.local.data.InvoiceGroupGenerator;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

/**
 * 1,000 tenants onboarded with {@code tenants add --file} against a running local runner, each given invoice groups
 * of its own; then, over random pairs of them: each lists exactly its own, a next token taken from another tenant or
 * forged never crosses, and a client never gets a token with another tenant's secret.
 */
class TenantsAtScaleTest {

    static final int TENANTS = 1_000;

    private static RunningLocalApi local;
    private static final Map<String, Credentials> CREDENTIALS = new HashMap<>();
    private static final Map<String, List<String>> IDS = new HashMap<>();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static Duration onboarding;

    @BeforeContainer
    static void onboardAThousandTenants() throws IOException {
        local = RunningLocalApi.start();
        List<String> tenants = IntStream.rangeClosed(1, TENANTS).mapToObj(i -> String.format("t%04d", i)).toList();
        Path file = Files.createTempFile("tenants", ".txt");
        Files.write(file, tenants);

        long started = System.nanoTime();
        OperatorCommand bulk = OperatorCommand.tenants(local.api.baseUri(), "add", "--file", file.toString());
        onboarding = Duration.ofNanos(System.nanoTime() - started);
        Files.delete(file);

        assertThat(bulk.status()).as(bulk.err()).isZero();
        assertThat(bulk.err()).contains("added " + TENANTS + " tenants, 0 already existed");
        bulk.out().lines().map(OperatorCommand::credentials)
                .forEach(credentials -> CREDENTIALS.put(credentials.tenantId(), credentials));
        assertThat(CREDENTIALS).hasSize(TENANTS);
        List<TenantInvoiceGroup> groups = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            String tenant = tenants.get(i);
            int count = 1 + i % 4;
            InvoiceGroupGenerator.invoiceGroups(tenant, count).forEach(group -> {
                groups.add(new TenantInvoiceGroup(tenant, group));
                IDS.computeIfAbsent(tenant, t -> new ArrayList<>()).add(group.id());
            });
        }
        local.api.deployment().loader().load(groups);
        System.out.printf("onboarded %d tenants through tenants add --file in %d ms%n", TENANTS,
                onboarding.toMillis());
    }

    @AfterContainer
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Property(tries = 60)
    void eachTenantListsExactlyItsOwnInvoiceGroupsPageByPage(@ForAll("tenants") String tenant,
            @ForAll @IntRange(min = 1, max = 3) int pageSize) {
        assertThat(walk(token(tenant), pageSize)).containsExactlyElementsOf(IDS.get(tenant));
    }

    @Property(tries = 60)
    void anotherTenantsNextTokenNeverReturnsItsInvoiceGroups(@ForAll("tenants") String caller,
            @ForAll("tenantsWithTwoPages") String other) {
        Assume.that(!caller.equals(other));
        String othersNextToken = RunningLocalApi.json(local.get("/invoice_groups?pageSize=1", token(other)))
                .get("nextToken").stringValue();

        HttpResponse<String> response = local.get("/invoice_groups?nextToken=" + othersNextToken, token(caller));

        assertNeverCrosses(response, caller, other);
    }

    @Property(tries = 60)
    void aForgedNextTokenNeverReturnsAnotherTenantsInvoiceGroups(@ForAll("tenants") String caller,
            @ForAll("tenants") String other) {
        Assume.that(!caller.equals(other));
        // A token naming the other tenant's first item as the place to continue, in every encoding a forger may try.
        String lastId = IDS.get(other).get(0);
        for (String forged : List.of(lastId, base64(lastId), base64("{\"id\":\"" + lastId + "\"}"),
                base64("{\"tenantId\":\"" + other + "\",\"id\":\"" + lastId + "\"}"))) {
            HttpResponse<String> response = local.get("/invoice_groups?nextToken="
                    + URLEncoder.encode(forged, StandardCharsets.UTF_8), token(caller));

            assertNeverCrosses(response, caller, other);
        }
    }

    @Property(tries = 60)
    void aClientNeverGetsATokenWithAnotherTenantsSecret(@ForAll("tenants") String tenant,
            @ForAll("tenants") String other) {
        Assume.that(!tenant.equals(other));
        HttpResponse<String> response = local.requestToken(RunningLocalApi.basic(CREDENTIALS.get(tenant).clientId(),
                CREDENTIALS.get(other).clientSecret()), "grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Provide
    Arbitrary<String> tenants() {
        return Arbitraries.of(List.copyOf(CREDENTIALS.keySet()));
    }

    @Provide
    Arbitrary<String> tenantsWithTwoPages() {
        return Arbitraries.of(IDS.keySet().stream().filter(tenant -> IDS.get(tenant).size() > 1).toList());
    }

    private static void assertNeverCrosses(HttpResponse<String> response, String caller, String other) {
        for (String id : IDS.get(other)) {
            assertThat(response.body()).doesNotContain(id);
        }
        if (response.statusCode() == 200) {
            List<String> ids = ListingOverHttpTest.ids(RunningLocalApi.json(response));
            assertThat(IDS.get(caller)).containsAll(ids);
        } else {
            assertThat(response.statusCode()).isEqualTo(400);
        }
    }

    private static List<String> walk(String token, int pageSize) {
        List<String> ids = new ArrayList<>();
        String query = "?pageSize=" + pageSize;
        for (int pages = 0; pages < 10; pages++) {
            HttpResponse<String> response = local.get("/invoice_groups" + query, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = RunningLocalApi.json(response);
            ids.addAll(ListingOverHttpTest.ids(page));
            if (!page.has("nextToken")) {
                return ids;
            }
            query = "?pageSize=" + pageSize + "&nextToken="
                    + URLEncoder.encode(page.get("nextToken").stringValue(), StandardCharsets.UTF_8);
        }
        throw new AssertionError("more pages than items");
    }

    private static String token(String tenant) {
        return TOKENS.computeIfAbsent(tenant, t -> TenantLifecycleTest.token(local, CREDENTIALS.get(t)));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
