package invoicegroups.local.data;

import invoicegroups.data.BatchWriter;
import invoicegroups.data.TenantInvoiceGroup;
import invoicegroups.data.UnprocessedItemsException;
import invoicegroups.local.StartupException;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The runner's way into the data module's {@link BatchWriter} (the one writer {@code ops import} uses too): DynamoDB
 * Local's client, and a batch left unwritten after the last attempt as the runner's one-line start-up failure.
 */
public final class InvoiceGroupLoader {

    private final BatchWriter writer;

    public InvoiceGroupLoader(DynamoDbClient dynamoDb, String tableName) {
        this.writer = new BatchWriter(tableName, dynamoDb::batchWriteItem);
    }

    /**
     * @param written told the running total after every batch
     * @return how many invoice groups were written
     */
    public long load(Iterator<TenantInvoiceGroup> groups, LongConsumer written) {
        try {
            return writer.write(groups, written).written();
        } catch (UnprocessedItemsException e) {
            throw StartupException.failure("DynamoDB Local left " + e.items() + " invoice groups unwritten after "
                    + e.attempts() + " attempts");
        }
    }

    public long load(List<TenantInvoiceGroup> groups) {
        return load(groups.iterator(), total -> { });
    }
}
