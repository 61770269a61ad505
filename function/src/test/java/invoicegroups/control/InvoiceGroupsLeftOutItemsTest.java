package invoicegroups.control;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.entity.InvoiceGroup;
import invoicegroups.entity.InvoiceGroupPage;
import invoicegroups.entity.LeftOutItem;
import invoicegroups.entity.PageRequest;
import invoicegroups.entity.SortOrder;
import invoicegroups.support.DynamoDbLocal;
import invoicegroups.support.MalformedItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Bad stored items are left out, the look-ahead sees only valid ones, and the work of one request is bounded. */
class InvoiceGroupsLeftOutItemsTest {

    /** Counts the Query calls this client makes and the items they return (what DynamoDB read for us). */
    static final class QueryCounter implements ExecutionInterceptor {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger items = new AtomicInteger();

        @Override
        public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
            if (context.response() instanceof QueryResponse query) {
                calls.incrementAndGet();
                items.addAndGet(query.count());
            }
        }

        void reset() {
            calls.set(0);
            items.set(0);
        }
    }

    private static final QueryCounter COUNTER = new QueryCounter();
    private static DynamoDbClient dynamoDb;
    private static InvoiceGroups invoiceGroups;
    private static String table;

    @BeforeAll
    static void table() {
        EmbeddedDynamoDb local = DynamoDbLocal.shared();
        dynamoDb = DynamoDbClient.builder()
                .endpointOverride(local.endpoint())
                .region(EmbeddedDynamoDb.REGION)
                .credentialsProvider(EmbeddedDynamoDb.CREDENTIALS)
                .overrideConfiguration(o -> o.addExecutionInterceptor(COUNTER))
                .build();
        table = "left-out-" + UUID.randomUUID();
        EmbeddedDynamoDb.createInvoiceGroupsTable(dynamoDb, table);
        invoiceGroups = new InvoiceGroups(
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).extensions().build(), table);
    }

    @Test
    void aPartitionOf2000BadItemsAndOneGoodOneIsWalkedWithinTheBoundOnEveryRequest() {
        String tenant = "t-" + UUID.randomUUID();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        MalformedItems.Case broken = MalformedItems.all().get(1); // name missing
        for (int i = 1; i <= 2000; i++) {
            items.add(broken.item(tenant, String.format("ig_%05d", i), i));
        }
        items.add(MalformedItems.valid(tenant, "ig_99999", 99999));
        write(items);

        for (SortOrder order : SortOrder.values()) {
            List<String> found = new ArrayList<>();
            int leftOut = 0;
            int requests = 0;
            Optional<String> after = Optional.empty();
            do {
                COUNTER.reset();
                InvoiceGroupPage page = invoiceGroups.list(tenant, new PageRequest(20, order, after));
                requests++;
                assertThat(COUNTER.calls.get()).as("Query calls of one request")
                        .isLessThanOrEqualTo(InvoiceGroups.MAX_QUERIES_PER_REQUEST);
                assertThat(COUNTER.items.get()).as("items read by one request")
                        .isLessThanOrEqualTo(InvoiceGroups.MAX_ITEMS_EXAMINED_PER_REQUEST);
                page.data().forEach(group -> found.add(group.id()));
                leftOut += page.leftOut().size();
                after = page.next().map(position -> position.lastItemId());
            } while (after.isPresent() && requests < 100);

            assertThat(found).as(order.value()).containsExactly("ig_99999");
            assertThat(leftOut).as("each bad item reported once per walk").isEqualTo(2000);
        }
    }

    @Test
    void aFullPageFollowedOnlyByBadItemsHasNoNextToken() {
        String tenant = "t-" + UUID.randomUUID();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            items.add(MalformedItems.valid(tenant, "ig_" + i, i));
        }
        items.add(MalformedItems.all().get(4).item(tenant, "ig_6", 6));
        items.add(MalformedItems.all().get(5).item(tenant, "ig_7", 7));
        write(items);

        InvoiceGroupPage page = invoiceGroups.list(tenant, new PageRequest(5, SortOrder.ASC, Optional.empty()));

        assertThat(page.data()).extracting(InvoiceGroup::id).containsExactly("ig_1", "ig_2", "ig_3", "ig_4", "ig_5");
        assertThat(page.next()).as("the bad look-ahead items are no reason for another page").isEmpty();
        assertThat(page.leftOut()).extracting(LeftOutItem::id).containsExactly("ig_6", "ig_7");
    }

    @Test
    void aBadItemIsLeftOutAndThePageIsFilledFromTheItemsAfterIt() {
        String tenant = "t-" + UUID.randomUUID();
        write(List.of(
                MalformedItems.valid(tenant, "ig_1", 1),
                MalformedItems.all().get(1).item(tenant, "ig_2", 2),
                MalformedItems.valid(tenant, "ig_3", 3),
                MalformedItems.all().get(2).item(tenant, "ig_4", 4),
                MalformedItems.valid(tenant, "ig_5", 5)));

        InvoiceGroupPage first = invoiceGroups.list(tenant, new PageRequest(2, SortOrder.ASC, Optional.empty()));
        assertThat(first.data()).extracting(InvoiceGroup::id).containsExactly("ig_1", "ig_3");
        assertThat(first.leftOut()).containsExactly(new LeftOutItem("ig_2", "name", "missing"),
                new LeftOutItem("ig_4", "name", "null"));
        assertThat(first.next()).as("positioned after the last item examined before the look-ahead")
                .hasValueSatisfying(next -> assertThat(next.lastItemId()).isEqualTo("ig_4"));

        InvoiceGroupPage second = invoiceGroups.list(tenant, new PageRequest(2, SortOrder.ASC, Optional.of("ig_4")));
        assertThat(second.data()).extracting(InvoiceGroup::id).containsExactly("ig_5");
        assertThat(second.next()).isEmpty();
        assertThat(second.leftOut()).as("a bad item is reported by the request that examined it, once").isEmpty();
    }

    @Test
    void anAllValidPageCostsOneQueryAsBefore() {
        String tenant = "t-" + UUID.randomUUID();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            items.add(MalformedItems.valid(tenant, String.format("ig_%03d", i), i));
        }
        write(items);
        COUNTER.reset();

        InvoiceGroupPage page = invoiceGroups.list(tenant, new PageRequest(20, SortOrder.DESC, Optional.empty()));

        assertThat(page.data()).hasSize(20);
        assertThat(page.next()).isPresent();
        assertThat(COUNTER.calls.get()).isEqualTo(1);
        assertThat(COUNTER.items.get()).isEqualTo(21);
    }

    private static void write(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(from + 25, items.size())).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                BatchWriteItemResponse response =
                        dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                pending = response.unprocessedItems();
            }
        }
    }
}
