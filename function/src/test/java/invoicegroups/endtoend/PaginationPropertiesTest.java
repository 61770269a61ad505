package invoicegroups.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.entity.InvoiceGroup;
import invoicegroups.support.InvoiceGroupsApi;
import invoicegroups.support.Response;
import invoicegroups.support.SampleInvoiceGroups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Paging holds for any number of invoice groups and any sequence of page sizes, on DynamoDB Local. */
class PaginationPropertiesTest {

    private static final InvoiceGroupsApi API = InvoiceGroupsApi.onDynamoDbLocal();

    @Property(tries = 25)
    void walkingEveryPageReturnsEachInvoiceGroupOnceInOrderWithNoEmptyTrailingPage(
            @ForAll @IntRange(min = 0, max = 500) int count,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 100) Integer> pageSizes,
            @ForAll boolean descending) {
        String tenant = "t-" + UUID.randomUUID();
        List<InvoiceGroup> groups = SampleInvoiceGroups.of("ig", count);
        API.seed(tenant, groups);
        List<String> expected = new ArrayList<>(groups.stream().map(InvoiceGroup::id).toList());
        expected.sort(descending ? Comparator.reverseOrder() : Comparator.naturalOrder());
        String sortOrder = descending ? "desc" : "asc";

        List<String> seen = PageWalk.walk(query -> API.list(tenant, query), pageSizes, sortOrder, expected.size());

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Property(tries = 15)
    void tokensMintedForOneTenantNeverReturnAnotherTenantsInvoiceGroups(
            @ForAll @IntRange(min = 2, max = 200) int countA,
            @ForAll @IntRange(min = 0, max = 200) int countB,
            @ForAll @IntRange(min = 1, max = 50) int pageSize,
            @ForAll @IntRange(min = 0, max = 10) int pagesIntoA) {
        String tenantA = "a-" + UUID.randomUUID();
        String tenantB = "b-" + UUID.randomUUID();
        // The same ids in both tenants: only the partition tells them apart.
        API.seed(tenantA, SampleInvoiceGroups.owned("ig", countA, tenantA));
        API.seed(tenantB, SampleInvoiceGroups.owned("ig", countB, tenantB));

        String tokenOfA = null;
        String query = "pageSize=" + pageSize;
        for (int page = 0; page <= pagesIntoA; page++) {
            String next = API.list(tenantA, query).nextToken();
            if (next == null) {
                break;
            }
            tokenOfA = next;
            query = "pageSize=" + pageSize + "&nextToken=" + next;
        }
        if (tokenOfA == null) {
            return; // A fitted on one page: no token to misuse
        }

        String presentedByB = "nextToken=" + tokenOfA;
        while (presentedByB != null) {
            Response response = API.list(tenantB, presentedByB);
            assertThat(response.status()).isEqualTo(200);
            response.json().get("data").forEach(item ->
                    assertThat(item.get("name").asString()).startsWith(tenantB));
            String next = response.nextToken();
            presentedByB = next == null ? null : "nextToken=" + next;
        }
    }
}
