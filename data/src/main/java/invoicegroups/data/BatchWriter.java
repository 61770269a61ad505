package invoicegroups.data;

import invoicegroups.storeditem.InvoiceGroupTableSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes checked invoice groups with BatchWriteItem, {@value #BATCH_SIZE} puts a call (DynamoDB's maximum), as the
 * function's schema stores them ({@link InvoiceGroupTableSchema#item}). What a call leaves in
 * {@code UnprocessedItems} is sent again after a backoff with full jitter, a bounded number of times
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html: "we strongly recommend that
 * you use an exponential backoff algorithm"). A put replaces the item with the same key: writing the same groups again
 * writes the same items again.
 *
 * <p>The one writer of the operator's {@code import} and the local runner's data: each gives the call through its own
 * client (the operator command wraps it so an SDK failure becomes its one-line failure), follows the running total for
 * its progress lines and words {@link UnprocessedItemsException} its own way.
 */
public final class BatchWriter {

    /** DynamoDB's limit of put or delete requests in one BatchWriteItem call. */
    public static final int BATCH_SIZE = 25;

    /** UnprocessedItems: 8 attempts a batch, full-jitter waits up to 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5 s (about 11 s). */
    public static final Backoff UNPROCESSED_ITEMS =
            new Backoff(8, Duration.ofMillis(100), Duration.ofSeconds(5), duration -> Thread.sleep(duration.toMillis()));

    /**
     * How a write went.
     *
     * @param written      the invoice groups written
     * @param batches      the BatchWriteItem calls made
     * @param retriedItems the items DynamoDB left unprocessed and that were sent again
     */
    public record Result(long written, int batches, int retriedItems) {
    }

    private final String table;
    private final Function<BatchWriteItemRequest, BatchWriteItemResponse> call;
    private final Backoff backoff;

    /** With the one retry rule, {@link #UNPROCESSED_ITEMS}. */
    public BatchWriter(String table, Function<BatchWriteItemRequest, BatchWriteItemResponse> call) {
        this(table, call, UNPROCESSED_ITEMS);
    }

    /**
     * @param call    one BatchWriteItem call, through the caller's client
     * @param backoff when to send unprocessed items again (tests wait less)
     */
    public BatchWriter(String table, Function<BatchWriteItemRequest, BatchWriteItemResponse> call, Backoff backoff) {
        this.table = table;
        this.call = call;
        this.backoff = backoff;
    }

    public Result write(List<TenantInvoiceGroup> groups, LongConsumer written) {
        return write(groups.iterator(), written);
    }

    /**
     * @param groups  read as they are written: a generated million never sits in memory
     * @param written told the running total after every batch
     * @throws UnprocessedItemsException when a batch keeps items unprocessed after the last attempt
     */
    public Result write(Iterator<TenantInvoiceGroup> groups, LongConsumer written) {
        Counts counts = new Counts();
        long total = 0;
        List<WriteRequest> batch = new ArrayList<>(BATCH_SIZE);
        while (groups.hasNext()) {
            TenantInvoiceGroup next = groups.next();
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(InvoiceGroupTableSchema.item(next.tenantId(), next.group())).build()).build());
            if (batch.size() == BATCH_SIZE || !groups.hasNext()) {
                writeBatch(batch, total, counts);
                total += batch.size();
                written.accept(total);
                batch = new ArrayList<>(BATCH_SIZE);
            }
        }
        return new Result(total, counts.batches, counts.retriedItems);
    }

    private void writeBatch(List<WriteRequest> batch, long writtenBefore, Counts counts) {
        AtomicReference<Map<String, List<WriteRequest>>> pending = new AtomicReference<>(Map.of(table, batch));
        try {
            backoff.call(() -> {
                BatchWriteItemResponse response =
                        call.apply(BatchWriteItemRequest.builder().requestItems(pending.get()).build());
                counts.batches++;
                int left = response.hasUnprocessedItems()
                        ? response.unprocessedItems().values().stream().mapToInt(List::size).sum() : 0;
                if (left > 0) {
                    pending.set(response.unprocessedItems());
                    counts.retriedItems += left;
                    throw new StillUnprocessed(left);
                }
                return null;
            }, failure -> failure instanceof StillUnprocessed);
        } catch (StillUnprocessed e) {
            counts.retriedItems -= e.items; // the last ones were not sent again
            throw new UnprocessedItemsException(table, e.items, backoff.maxAttempts(), writtenBefore);
        }
    }

    /** One write's tally. */
    private static final class Counts {
        int batches;
        int retriedItems;
    }

    /** DynamoDB accepted the call but not every item: worth another attempt after a wait. */
    private static final class StillUnprocessed extends RuntimeException {
        final int items;

        StillUnprocessed(int items) {
            super(null, null, false, false);
            this.items = items;
        }
    }
}
