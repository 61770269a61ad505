package invoicegroups.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.support.Events;
import invoicegroups.support.InvoiceGroupsApi;
import invoicegroups.lambdacontext.LocalLambdaContext;
import invoicegroups.support.MalformedItems;
import invoicegroups.support.MetricLines;
import invoicegroups.support.Response;
import invoicegroups.support.StandardOutput;
import invoicegroups.table.FunctionMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored item the API did not write, broken in each way, between two good ones: every listing stays a 200 that
 * conforms to the OpenAPI document (checked on every response by {@link InvoiceGroupsApi}), without the bad item,
 * and operators get one log line and one metric line for it.
 */
class LeftOutItemsTest {

    private static final InvoiceGroupsApi API = InvoiceGroupsApi.onDynamoDbLocal();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<MalformedItems.Case> malformed() {
        return MalformedItems.all().stream();
    }

    static Stream<MalformedItems.Case> stillValid() {
        return MalformedItems.stillValid().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aBadItemIsLeftOutOfEveryListingAndReportedToOperatorsOnly(MalformedItems.Case broken) {
        String tenant = "t-" + UUID.randomUUID();
        String badId = broken.item(tenant, "ig_2", 2).get("id").s();
        API.putItems(List.of(
                MalformedItems.valid(tenant, "ig_1", 1),
                broken.item(tenant, "ig_2", 2),
                MalformedItems.valid(tenant, "ig_3", 3)));

        for (String query : List.of("", "pageSize=1", "pageSize=2", "sortOrder=desc", "pageSize=1&sortOrder=desc")) {
            LocalLambdaContext context = new LocalLambdaContext();
            List<String> ids = new ArrayList<>();
            List<String> output = new ArrayList<>();
            String next = query;
            while (next != null) {
                String pageQuery = next;
                StandardOutput.Captured<Response> call =
                        StandardOutput.capture(() -> API.call(Events.list(tenant, pageQuery), context));
                Response response = call.result();
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                assertThat(response.body()).as("the caller never hears of it").doesNotContain("ig_2");
                response.json().get("data").forEach(item -> ids.add(item.get("id").asString()));
                output.addAll(call.lines());
                next = response.nextToken() == null ? null
                        : "nextToken=" + response.nextToken() + (query.contains("desc") ? "&sortOrder=desc" : "");
            }

            assertThat(ids).as(query).containsExactlyElementsOf(
                    query.contains("desc") ? List.of("ig_3", "ig_1") : List.of("ig_1", "ig_3"));
            List<JsonNode> logLines = output.stream().filter(line -> line.startsWith("{\"level\"")).map(JSON::readTree)
                    .toList();
            // An id no nextToken can hold cannot be a position: the next page examines (and reports) it again.
            assertThat(logLines).as("one log line per left-out item examined")
                    .hasSizeBetween(1, broken.attribute().equals("id") ? 5 : 1);
            assertThat(logLines).allSatisfy(line -> {
                assertThat(line.get("requestId").asString()).isEqualTo(context.getAwsRequestId());
                assertThat(line.get("tenantId").asString()).isEqualTo(tenant);
                assertThat(line.get("itemId").asString()).isEqualTo(badId);
                assertThat(line.get("attribute").asString()).isEqualTo(broken.attribute());
                assertThat(line.get("rule").asString()).isEqualTo(broken.rule().code());
            });
            assertThat(MetricLines.counting(output, FunctionMetrics.INVALID_STORED_ITEMS)).hasSameSizeAs(logLines);
            assertThat(output).as("never the stored value").noneMatch(line -> line.contains("yesterday")
                    || line.contains("99999999999") || line.contains("@example.com"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stillValid")
    void anItemThatStillHoldsTheContractIsListedWithOnlyTheSchemasProperties(MalformedItems.Case variation) {
        String tenant = "t-" + UUID.randomUUID();
        API.putItems(List.of(variation.item(tenant, "ig_1", 1)));

        StandardOutput.Captured<Response> call = StandardOutput.capture(() -> API.list(tenant, ""));

        assertThat(call.result().status()).isEqualTo(200);
        JsonNode item = call.result().json().get("data").get(0);
        assertThat(item.get("id").asString()).isEqualTo("ig_1");
        assertThat(item.has("internalNotes")).isFalse();
        assertThat(item.get("billingAddress").has("county")).as("unknown address keys are left out").isFalse();
        assertThat(item.get("billingAddress").has("geo")).isFalse();
        assertThat(MetricLines.counting(call.lines(), FunctionMetrics.INVALID_STORED_ITEMS)).isEmpty();
    }
}
