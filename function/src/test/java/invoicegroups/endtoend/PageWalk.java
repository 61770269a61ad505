package invoicegroups.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.support.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Walks every page of one tenant's listing with a cycle of page sizes, holding each page to the paging rules: a page
 * holds min(pageSize, what is left), and it carries a {@code nextToken} exactly when more is left.
 */
final class PageWalk {

    private PageWalk() {
    }

    /**
     * @param list answers a query string ({@code pageSize=...&sortOrder=...[&nextToken=...]})
     * @param total how many invoice groups the walk must see in all
     * @return the ids seen, in the order the pages gave them
     */
    static List<String> walk(Function<String, Response> list, List<Integer> pageSizes, String sortOrder, int total) {
        List<String> seen = new ArrayList<>();
        String nextToken = null;
        int page = 0;
        do {
            int pageSize = pageSizes.get(page % pageSizes.size());
            String query = "pageSize=" + pageSize + "&sortOrder=" + sortOrder
                    + (nextToken == null ? "" : "&nextToken=" + nextToken);
            Response response = list.apply(query);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            response.json().get("data").forEach(item -> ids.add(item.get("id").asString()));
            nextToken = response.nextToken();
            int remaining = total - seen.size();
            assertThat(ids).as("page %d holds min(pageSize, remaining)", page).hasSize(Math.min(pageSize, remaining));
            assertThat(nextToken != null).as("nextToken present iff more items exist").isEqualTo(remaining > pageSize);
            seen.addAll(ids);
            page++;
        } while (nextToken != null);
        return seen;
    }
}
