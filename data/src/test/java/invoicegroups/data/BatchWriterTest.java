package invoicegroups.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;
import invoicegroups.entity.InvoiceGroup;
import invoicegroups.storeditem.InvoiceGroupTableSchema;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one batch writer: against DynamoDB Local (every item written as the function's schema stores it, 25 a call,
 * the running total after every batch), and against {@link PartialBatchWrites}, a stand-in that simulates DynamoDB's
 * partial answers (UnprocessedItems, which DynamoDB Local never returns): what is left is sent again, a bounded
 * number of times.
 */
class BatchWriterTest {

    private static final String TABLE = "invoice-groups";
    /** The writer's rule without the waits: the same attempts, no sleeping. */
    private static final Backoff NO_WAIT = new Backoff(BatchWriter.UNPROCESSED_ITEMS.maxAttempts(), Duration.ZERO,
            Duration.ZERO, duration -> { });

    @Test
    void everyGroupIsWrittenAsTheFunctionsSchemaStoresItTwentyFiveACall() {
        try (EmbeddedDynamoDb dynamoDbLocal = EmbeddedDynamoDb.startInMemory();
                DynamoDbClient dynamoDb = dynamoDbLocal.newClient()) {
            EmbeddedDynamoDb.createInvoiceGroupsTable(dynamoDb, TABLE);
            List<TenantInvoiceGroup> groups = groups("acme", 60);
            List<Long> totals = new ArrayList<>();
            BatchWriter writer = new BatchWriter(TABLE, dynamoDb::batchWriteItem);

            BatchWriter.Result result = writer.write(groups, totals::add);

            assertThat(result).isEqualTo(new BatchWriter.Result(60, 3, 0));
            assertThat(totals).containsExactly(25L, 50L, 60L);
            assertThat(dynamoDb.scan(scan -> scan.tableName(TABLE)).items())
                    .containsExactlyInAnyOrderElementsOf(groups.stream()
                            .map(group -> InvoiceGroupTableSchema.item(group.tenantId(), group.group())).toList());

            // Again, with the same writer: the same items overwritten, and this write's tally alone.
            BatchWriter.Result again = writer.write(groups, total -> { });

            assertThat(again).isEqualTo(new BatchWriter.Result(60, 3, 0));
            assertThat(dynamoDb.scan(scan -> scan.tableName(TABLE)).count()).isEqualTo(60);
        }
    }

    @Test
    void nothingToWriteMakesNoCall() {
        List<Long> totals = new ArrayList<>();

        BatchWriter.Result result = new BatchWriter("no-call", request -> {
            throw new AssertionError("no call expected");
        }).write(Collections.emptyIterator(), totals::add);

        assertThat(result).isEqualTo(new BatchWriter.Result(0, 0, 0));
        assertThat(totals).isEmpty();
    }

    @Test
    void unprocessedItemsAreSentAgainUntilDynamoDbTakesThem() {
        // Calls 1 and 2 leave the second half of their batch unprocessed; later calls take everything.
        try (PartialBatchWrites standIn = PartialBatchWrites.start(call -> call <= 2);
                DynamoDbClient client = EmbeddedDynamoDb.newClient(URI.create(standIn.endpoint()))) {
            List<Long> totals = new ArrayList<>();

            BatchWriter.Result result = new BatchWriter(TABLE, client::batchWriteItem, NO_WAIT)
                    .write(groups("acme", 30), totals::add);

            List<List<String>> calls = standIn.calls();
            assertThat(calls.get(0)).hasSize(25);
            assertThat(calls.get(1)).as("only what was left unprocessed")
                    .containsExactlyElementsOf(calls.get(0).subList(12, 25));
            assertThat(calls.get(2)).containsExactlyElementsOf(calls.get(1).subList(6, 13));
            assertThat(calls).hasSize(4);
            assertThat(result).isEqualTo(new BatchWriter.Result(30, 4, 20));
            assertThat(totals).containsExactly(25L, 30L);
        }
    }

    @Test
    void itemsStillUnprocessedAfterTheLastAttemptFailTheWriteWithWhatWasWrittenBefore() {
        // The first batch goes through; every call of the second leaves half of what it was sent.
        try (PartialBatchWrites standIn = PartialBatchWrites.start(call -> call > 1);
                DynamoDbClient client = EmbeddedDynamoDb.newClient(URI.create(standIn.endpoint()))) {
            BatchWriter writer = new BatchWriter(TABLE, client::batchWriteItem, NO_WAIT);

            assertThatThrownBy(() -> writer.write(groups("acme", 50), total -> { }))
                    .isInstanceOfSatisfying(UnprocessedItemsException.class, e -> {
                        assertThat(e.table()).isEqualTo(TABLE);
                        assertThat(e.items()).isEqualTo(1);
                        assertThat(e.attempts()).isEqualTo(BatchWriter.UNPROCESSED_ITEMS.maxAttempts());
                        assertThat(e.written()).isEqualTo(25);
                    });
            assertThat(standIn.calls()).hasSize(1 + BatchWriter.UNPROCESSED_ITEMS.maxAttempts());
        }
    }

    /** {@code count} invoice groups of {@code tenant}, ids in order. */
    private static List<TenantInvoiceGroup> groups(String tenant, int count) {
        Instant created = Instant.parse("2024-05-01T09:30:00Z");
        return IntStream.rangeClosed(1, count).mapToObj(number -> new TenantInvoiceGroup(tenant, InvoiceGroup.builder()
                .id(String.format("ig_%s_%03d", tenant, number)).name("Group " + number)
                .email("billing+" + number + "@" + tenant + ".example").dailyInvoiceConsolidation(number % 2 == 0)
                .invoiceCurrency("USD").accountsCount(number).createdAt(created).updatedAt(created).build())).toList();
    }
}
