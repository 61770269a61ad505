package invoicegroups.local.data;

import invoicegroups.storeditem.InvoiceGroupTableSchema;
import invoicegroups.local.StartupException;
import invoicegroups.ops.datafile.TenantInvoiceGroup;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes invoice groups into the table with BatchWriteItem, as the function's schema stores them
 * ({@link InvoiceGroupTableSchema#item}), retrying whatever DynamoDB leaves unprocessed.
 */
public final class InvoiceGroupLoader {

    /** BatchWriteItem's limit. */
    static final int BATCH_SIZE = 25;
    /** Unprocessed items are retried with backoff this often before the load gives up. */
    static final int MAX_ATTEMPTS = 8;
    private static final long FIRST_BACKOFF_MILLIS = 20;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public InvoiceGroupLoader(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /**
     * @param written told the running total after every batch
     * @return how many invoice groups were written
     */
    public long load(Iterator<TenantInvoiceGroup> groups, LongConsumer written) {
        long total = 0;
        List<WriteRequest> batch = new ArrayList<>(BATCH_SIZE);
        while (groups.hasNext()) {
            TenantInvoiceGroup next = groups.next();
            Map<String, AttributeValue> item = InvoiceGroupTableSchema.item(next.tenantId(), next.group());
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == BATCH_SIZE || !groups.hasNext()) {
                write(batch);
                total += batch.size();
                written.accept(total);
                batch = new ArrayList<>(BATCH_SIZE);
            }
        }
        return total;
    }

    public long load(List<TenantInvoiceGroup> groups) {
        return load(groups.iterator(), total -> { });
    }

    private void write(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        for (int attempt = 1; ; attempt++) {
            Map<String, List<WriteRequest>> requestItems = Map.of(tableName, pending);
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(write -> write.requestItems(requestItems));
            pending = response.unprocessedItems().getOrDefault(tableName, List.of());
            if (pending.isEmpty()) {
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw StartupException.failure("DynamoDB Local left " + pending.size()
                        + " invoice groups unwritten after " + MAX_ATTEMPTS + " attempts");
            }
            sleep(FIRST_BACKOFF_MILLIS << attempt);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StartupException.failure("interrupted while loading invoice groups");
        }
    }
}
