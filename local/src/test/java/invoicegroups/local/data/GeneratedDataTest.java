package invoicegroups.local.data;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.entity.InvoiceGroup;
import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.ListingOverHttpTest;
import invoicegroups.local.RunningLocalApi;
import invoicegroups.local.Options;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code --generate N --tenant T} adds N synthetic invoice groups that page like any others. */
class GeneratedDataTest {

    @Test
    void generatingIsRepeatableAndIdsSortInGenerationOrder() {
        List<InvoiceGroup> first = InvoiceGroupGenerator.invoiceGroups("bench", 120).toList();

        assertThat(first).isEqualTo(InvoiceGroupGenerator.invoiceGroups("bench", 120).toList());
        assertThat(first).extracting(InvoiceGroup::id).isSorted().doesNotHaveDuplicates();
        assertThat(first.get(0).id()).isEqualTo("ig_bench_gen_000000001");
    }

    @Test
    void generatedInvoiceGroupsAreListedPageByPageForTheirTenantOnly() {
        // Generated for acme, next to its sample data, so a demo client's token reads them.
        try (RunningLocalApi local = RunningLocalApi.start(
                Options.defaults().withPort(0).withGenerate(new Options.Generate(250, "acme")))) {
            String token = local.token(DemoClients.ACME);

            List<String> ids = walk(local, token);

            assertThat(ids).hasSize(12 + 250).doesNotHaveDuplicates().isSorted();
            assertThat(ids).filteredOn(id -> id.startsWith("ig_acme_gen_")).hasSize(250);
            assertThat(walk(local, local.token(DemoClients.GLOBEX))).noneMatch(id -> id.contains("_gen_"));
        }
    }

    private static List<String> walk(RunningLocalApi local, String token) {
        List<String> ids = new ArrayList<>();
        String query = "?pageSize=100";
        while (true) {
            HttpResponse<String> response = local.get("/invoice_groups" + query, token);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = RunningLocalApi.json(response);
            ids.addAll(ListingOverHttpTest.ids(page));
            if (!page.has("nextToken")) {
                return ids;
            }
            query = "?pageSize=100&nextToken=" + page.get("nextToken").stringValue();
        }
    }
}
