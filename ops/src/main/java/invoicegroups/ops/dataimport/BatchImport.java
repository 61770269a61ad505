package invoicegroups.ops.dataimport;

import invoicegroups.storeditem.InvoiceGroupTableSchema;
import invoicegroups.ops.backoff.Backoff;
import invoicegroups.ops.datafile.TenantInvoiceGroup;
import invoicegroups.ops.deployment.Target;
import invoicegroups.ops.failure.AwsCall;
import invoicegroups.ops.failure.CommandFailure;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes checked invoice groups with BatchWriteItem, {@value #BATCH_SIZE} puts a call (DynamoDB's maximum). What a
 * call leaves in {@code UnprocessedItems} is sent again after a backoff with full jitter, a bounded number of times
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html: "we strongly recommend that
 * you use an exponential backoff algorithm"). A put replaces the item with the same key: running an import again
 * writes the same items again.
 */
final class BatchImport {

    /** DynamoDB's limit of put or delete requests in one BatchWriteItem call. */
    static final int BATCH_SIZE = 25;
    /** Progress lines on stderr: every this many items, when the file holds more. */
    static final int PROGRESS_EVERY = 1000;
    /** The stack's managed policy that allows the import's calls. */
    static final String POLICY = "DataImportPolicy";

    /** How a write went: calls made and items DynamoDB left unprocessed (and that were sent again). */
    record Result(int batches, int retriedItems) {
    }

    private final Target target;
    private final String table;
    private final Backoff backoff;
    private final PrintWriter progress;
    private final AwsCall call;
    private int batches;
    private int retriedItems;

    BatchImport(Target target, String table, Backoff backoff, PrintWriter progress) {
        this.target = target;
        this.table = table;
        this.backoff = backoff;
        this.progress = progress;
        this.call = target.call("dynamodb:BatchWriteItem", "table " + table, POLICY);
    }

    Result write(List<TenantInvoiceGroup> groups) {
        int written = 0;
        for (int from = 0; from < groups.size(); from += BATCH_SIZE) {
            List<WriteRequest> batch = new ArrayList<>(BATCH_SIZE);
            for (TenantInvoiceGroup group : groups.subList(from, Math.min(from + BATCH_SIZE, groups.size()))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                        .item(InvoiceGroupTableSchema.item(group.tenantId(), group.group())).build()).build());
            }
            try {
                writeBatch(batch);
            } catch (CommandFailure failure) {
                throw failure.withContext("; " + written + " of " + groups.size() + " invoice groups were written"
                        + " (an import can be run again: the same ids overwrite)");
            }
            int before = written;
            written += batch.size();
            if (groups.size() > PROGRESS_EVERY && written / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                progress.println("imported " + written + " of " + groups.size() + " invoice groups");
            }
        }
        return new Result(batches, retriedItems);
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>>[] pending = new Map[] {Map.of(table, batch)};
        try {
            backoff.call(() -> {
                BatchWriteItemResponse response = call.run(() -> target.dynamoDb()
                        .batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending[0]).build()));
                batches++;
                int left = response.hasUnprocessedItems()
                        ? response.unprocessedItems().values().stream().mapToInt(List::size).sum() : 0;
                if (left > 0) {
                    pending[0] = response.unprocessedItems();
                    retriedItems += left;
                    throw new StillUnprocessed(left);
                }
                return null;
            }, failure -> failure instanceof StillUnprocessed);
        } catch (StillUnprocessed e) {
            retriedItems -= e.items; // the last ones were not sent again
            throw CommandFailure.unavailable("dynamodb:BatchWriteItem on table " + table + " left " + e.items
                    + " item(s) unprocessed after " + backoff.maxAttempts() + " attempts (throughput exceeded?)");
        }
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
