package invoicegroups.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.entity.Address;
import invoicegroups.entity.InvoiceGroup;
import invoicegroups.support.Events;
import invoicegroups.support.InvoiceGroupsApi;
import invoicegroups.support.Response;
import invoicegroups.support.SampleInvoiceGroups;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The list operation end to end against a real DynamoDB engine. One body, several backends: each subclass only says
 * where DynamoDB is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ListInvoiceGroupsContract {

    private static final String ACME = "acme";
    private static final String GLOBEX = "globex";

    private InvoiceGroupsApi api;
    private final List<InvoiceGroup> acmeGroups = SampleInvoiceGroups.of("ig_acme", 45);

    /** A fresh table on this backend, with the handler configured for it. */
    abstract InvoiceGroupsApi newApi();

    @BeforeAll
    void seed() {
        api = newApi();
        api.seed(ACME, acmeGroups);
        api.seed(GLOBEX, SampleInvoiceGroups.of("ig_globex", 7));
        api.seed("exact", SampleInvoiceGroups.of("ig_exact", 10));
        // The ids the sample events in events/ refer to.
        api.seed(ACME, List.of(SampleInvoiceGroups.group("ig_acme_001", 1), SampleInvoiceGroups.group("ig_acme_002", 2),
                SampleInvoiceGroups.group("ig_acme_003", 3), SampleInvoiceGroups.group("ig_acme_004", 4),
                SampleInvoiceGroups.group("ig_acme_005", 5)));
    }

    @Test
    void tenantWithoutInvoiceGroupsGetsAnEmptyDataArrayAndNoNextToken() {
        Response response = api.list("nobody", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"data\":[]}");
    }

    @Test
    void firstPageHoldsTwentyInvoiceGroupsInIdOrderByDefault() {
        Response response = api.list(GLOBEX, "");
        assertThat(ids(response)).containsExactly("ig_globex_00001", "ig_globex_00002", "ig_globex_00003",
                "ig_globex_00004", "ig_globex_00005", "ig_globex_00006", "ig_globex_00007");
        assertThat(response.nextToken()).isNull();

        List<String> acmeFirstPage = ids(api.list(ACME, ""));
        assertThat(acmeFirstPage).hasSize(20).isSorted();
    }

    @Test
    void walkingEveryPageReturnsEachInvoiceGroupOnceInOrder() {
        List<String> expected = allAcmeIds();

        assertThat(flatten(api.walk(ACME, 7, "asc"))).containsExactlyElementsOf(expected);

        List<String> descending = new ArrayList<>(expected);
        Collections.reverse(descending);
        assertThat(flatten(api.walk(ACME, 7, "desc"))).containsExactlyElementsOf(descending);
    }

    @Test
    void pageEndingExactlyOnTheLastInvoiceGroupHasNoNextToken() {
        List<List<String>> pages = api.walk("exact", 5, "asc");

        assertThat(pages).hasSize(2);
        assertThat(pages.get(1)).hasSize(5).endsWith("ig_exact_00010");

        Response everything = api.list("exact", "pageSize=10");
        assertThat(ids(everything)).hasSize(10);
        assertThat(everything.json().has("nextToken")).isFalse();
    }

    @Test
    void pageSizeMayChangeFromOnePageToTheNext() {
        Response first = api.list(ACME, "pageSize=3");
        Response second = api.list(ACME, "nextToken=" + first.nextToken() + "&pageSize=10");
        Response third = api.list(ACME, "nextToken=" + second.nextToken());

        List<String> expected = allAcmeIds();
        assertThat(ids(first)).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(ids(second)).containsExactlyElementsOf(expected.subList(3, 13));
        assertThat(ids(third)).as("without pageSize the token's carries on").containsExactlyElementsOf(expected.subList(13, 23));
    }

    @Test
    void nextTokenIsUrlSafeBase64OfTogaisPublishedShapeWithoutTheTenant() {
        Response first = api.list(ACME, "pageSize=2&sortOrder=desc");

        String token = first.nextToken();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"lastItemId\":\"" + ids(first).get(1) + "\",\"pageSize\":2,\"sortOrder\":\"desc\"}");
    }

    @Test
    void standardBase64TokensWithPaddingAreAcceptedToo() {
        String json = "{\"lastItemId\": \"ig_acme_00002\", \"pageSize\": 2, \"sortOrder\": \"asc\"}";
        String standard = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));

        Response response = api.list(ACME, "nextToken=" + java.net.URLEncoder.encode(standard, StandardCharsets.UTF_8));

        assertThat(ids(response)).containsExactly("ig_acme_00003", "ig_acme_00004");
    }

    @Test
    void invoiceGroupsCarryExactlyTheDocumentedPropertiesAndOmitAbsentOnes() {
        InvoiceGroup full = InvoiceGroup.builder()
                .id("inv_group.20rvWRxQcQK.0ZwPG").name("Invoice Group 1").email("acme@acme.com")
                .dailyInvoiceConsolidation(true).netTermDays(45).invoiceCurrency("USD")
                .billingAddress(new Address("+919876543210", "2281 Broadway Street", "G-31", "29501", "Florence",
                        "South Carolina", "US"))
                .accountsCount(2)
                .createdAt(Instant.parse("2023-07-26T12:36:56.580150Z"))
                .updatedAt(Instant.parse("2023-07-27T08:00:00Z"))
                .build();
        InvoiceGroup sparse = InvoiceGroup.builder()
                .id("inv_group.sparse").name("Sparse").email("s@acme.com").invoiceCurrency("EUR")
                .billingAddress(Address.builder().build()).createdAt(Instant.parse("2024-01-01T00:00:00Z"))
                .updatedAt(Instant.parse("2024-01-01T00:00:00Z")).build();
        api.seed("shapes", List.of(full, sparse));

        JsonNode data = api.list("shapes", "").json().get("data");

        assertThat(data.get(0).toString()).isEqualTo("{\"id\":\"inv_group.20rvWRxQcQK.0ZwPG\",\"name\":\"Invoice Group 1\","
                + "\"email\":\"acme@acme.com\",\"dailyInvoiceConsolidation\":true,\"netTermDays\":45,"
                + "\"invoiceCurrency\":\"USD\",\"billingAddress\":{\"phoneNumber\":\"+919876543210\","
                + "\"line1\":\"2281 Broadway Street\",\"line2\":\"G-31\",\"postalCode\":\"29501\",\"city\":\"Florence\","
                + "\"state\":\"South Carolina\",\"country\":\"US\"},\"accountsCount\":2,"
                + "\"createdAt\":\"2023-07-26T12:36:56.580150Z\",\"updatedAt\":\"2023-07-27T08:00:00Z\"}");
        assertThat(data.get(1).toString()).isEqualTo("{\"id\":\"inv_group.sparse\",\"name\":\"Sparse\","
                + "\"email\":\"s@acme.com\",\"dailyInvoiceConsolidation\":false,\"invoiceCurrency\":\"EUR\","
                + "\"billingAddress\":{},\"accountsCount\":0,\"createdAt\":\"2024-01-01T00:00:00Z\","
                + "\"updatedAt\":\"2024-01-01T00:00:00Z\"}");
    }

    @Test
    void nextTokenFromAnotherTenantNeverReturnsTheirItems() {
        String acmeToken = api.list(ACME, "pageSize=2").nextToken();

        Response globexWithAcmeToken = api.list(GLOBEX, "nextToken=" + acmeToken);

        assertThat(globexWithAcmeToken.status()).isEqualTo(200);
        assertThat(ids(globexWithAcmeToken)).allMatch(id -> id.startsWith("ig_globex_"));
    }

    @Test
    void sortOrderMustMatchTheNextTokens() {
        String ascending = api.list(ACME, "pageSize=2").nextToken();

        Response response = api.list(ACME, "nextToken=" + ascending + "&sortOrder=desc");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("sortOrder must match the sortOrder the nextToken was issued for");
        assertThat(api.list(ACME, "nextToken=" + ascending + "&sortOrder=asc").status()).isEqualTo(200);
    }

    @Test
    void theSampleEventsAnswerAsDocumented() {
        Response first = api.call(Events.sample("first-page.json"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first)).containsExactly("ig_acme_00001", "ig_acme_00002");

        Response next = api.call(Events.sample("next-page.json"));
        assertThat(next.status()).isEqualTo(200);
        assertThat(ids(next)).containsExactly("ig_acme_003", "ig_acme_004");

        Response badToken = api.call(Events.sample("bad-token.json"));
        assertThat(badToken.status()).isEqualTo(400);
        assertThat(badToken.message()).isEqualTo("nextToken must be base64");

        Response noTenant = api.call(Events.sample("authorizer-without-tenant.json"));
        assertThat(noTenant.status()).isEqualTo(403);
        assertThat(noTenant.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    private List<String> allAcmeIds() {
        List<String> ids = new ArrayList<>();
        acmeGroups.forEach(group -> ids.add(group.id()));
        List.of("ig_acme_001", "ig_acme_002", "ig_acme_003", "ig_acme_004", "ig_acme_005").forEach(ids::add);
        Collections.sort(ids);
        return ids;
    }

    static List<String> ids(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("data").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> flatten(List<List<String>> pages) {
        List<String> all = new ArrayList<>();
        pages.forEach(all::addAll);
        return all;
    }
}
