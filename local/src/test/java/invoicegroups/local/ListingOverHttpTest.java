package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.cognito.DemoClients;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The README's flow over real HTTP: a token from the token endpoint, then the pages of GET /invoice_groups. */
public class ListingOverHttpTest {

    private static final List<String> ACME_IDS =
            IntStream.rangeClosed(1, 12).mapToObj(n -> String.format("ig_acme_%03d", n)).toList();
    private static final List<String> GLOBEX_IDS =
            IntStream.rangeClosed(1, 7).mapToObj(n -> String.format("ig_globex_%03d", n)).toList();

    private static RunningLocalApi local;
    private static String acmeToken;
    private static String globexToken;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start();
        acmeToken = local.token(DemoClients.ACME);
        globexToken = local.token(DemoClients.GLOBEX);
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void firstPageHoldsTheTenantsFirstInvoiceGroupsAndANextToken() {
        HttpResponse<String> response = local.get("/invoice_groups?pageSize=5", acmeToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode page = RunningLocalApi.json(response);
        assertThat(ids(page)).containsExactlyElementsOf(ACME_IDS.subList(0, 5));
        assertThat(page.get("nextToken").stringValue()).isNotBlank();
        JsonNode first = page.get("data").get(0);
        assertThat(first.get("name").stringValue()).isEqualTo("Headquarters");
        assertThat(first.get("billingAddress").get("city").stringValue()).isEqualTo("San Francisco");
        assertThat(first.has("tenantId")).isFalse();
    }

    @Test
    void walkingEveryPageReturnsEveryInvoiceGroupOnceInOrderAndTheLastPageHasNoNextToken() {
        assertThat(walk(acmeToken, "asc", 5)).containsExactlyElementsOf(ACME_IDS);
        assertThat(walk(globexToken, "asc", 3)).containsExactlyElementsOf(GLOBEX_IDS);
    }

    @Test
    void walkingInDescendingOrderReturnsTheSameInvoiceGroupsReversed() {
        assertThat(walk(acmeToken, "desc", 4)).containsExactlyElementsOf(reversed(ACME_IDS));
    }

    @Test
    void withoutPageSizeOnePageHoldsUpToTwentyInvoiceGroups() {
        JsonNode page = RunningLocalApi.json(local.get("/invoice_groups", acmeToken));

        assertThat(ids(page)).containsExactlyElementsOf(ACME_IDS);
        assertThat(page.has("nextToken")).isFalse();
    }

    @Test
    void aTenantsTokenNeverListsAnotherTenantsInvoiceGroups() {
        assertThat(ids(RunningLocalApi.json(local.get("/invoice_groups?pageSize=100", globexToken))))
                .containsExactlyElementsOf(GLOBEX_IDS);
        assertThat(ids(RunningLocalApi.json(local.get("/invoice_groups?pageSize=100", acmeToken))))
                .containsExactlyElementsOf(ACME_IDS);
    }

    @Test
    void aNextTokenOfOneTenantUsedByAnotherNeverReturnsTheFirstTenantsInvoiceGroups() {
        String acmeNextToken = RunningLocalApi.json(local.get("/invoice_groups?pageSize=2", acmeToken))
                .get("nextToken").stringValue();

        HttpResponse<String> response = local.get("/invoice_groups?nextToken=" + acmeNextToken, globexToken);

        // The token only says where to continue; the partition always comes from the caller's own token.
        assertThat(response.body()).doesNotContain("ig_acme_");
        if (response.statusCode() == 200) {
            assertThat(ids(RunningLocalApi.json(response))).isSubsetOf(GLOBEX_IDS);
        } else {
            assertThat(response.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void invalidQueryParametersAreTheHandlersFourHundred() {
        HttpResponse<String> response = local.get("/invoice_groups?pageSize=0", acmeToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningLocalApi.json(response).get("message").stringValue()).contains("pageSize");
    }

    @Test
    void repeatedQueryParametersReachTheHandlerInTheMultiValueParametersAndAreRefused() {
        HttpResponse<String> response = local.get("/invoice_groups?pageSize=2&pageSize=3", acmeToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningLocalApi.json(response).get("message").stringValue()).contains("pageSize");
    }

    private static List<String> walk(String token, String sortOrder, int pageSize) {
        List<String> seen = new ArrayList<>();
        String query = "?sortOrder=" + sortOrder + "&pageSize=" + pageSize;
        for (int pages = 0; pages < 100; pages++) {
            HttpResponse<String> response = local.get("/invoice_groups" + query, token);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = RunningLocalApi.json(response);
            List<String> ids = ids(page);
            assertThat(ids.size()).isLessThanOrEqualTo(pageSize);
            seen.addAll(ids);
            if (!page.has("nextToken")) {
                return seen;
            }
            query = "?pageSize=" + pageSize + "&nextToken=" + page.get("nextToken").stringValue();
        }
        throw new AssertionError("more than 100 pages");
    }

    private static List<String> reversed(List<String> ids) {
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    public static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(group -> ids.add(group.get("id").stringValue()));
        return ids;
    }
}
