package invoicegroups.ops.dataimport;

import invoicegroups.data.BatchWriter;
import invoicegroups.data.TenantInvoiceGroup;
import invoicegroups.data.UnprocessedItemsException;
import invoicegroups.ops.deployment.Target;
import invoicegroups.ops.failure.AwsCall;
import invoicegroups.ops.failure.CommandFailure;
import java.io.PrintWriter;
import java.util.List;

/**
 * The import's write, by the data module's {@link BatchWriter} (25 puts a call, UnprocessedItems sent again with
 * jittered backoff): what the operator command adds is its own. Each call is named for the operator
 * ({@link AwsCall}: an SDK failure becomes a one-line {@link CommandFailure}), progress lines go to stderr every
 * {@value #PROGRESS_EVERY} items, and a failure says how far the import got.
 */
final class BatchImport {

    /** Progress lines on stderr: every this many items, when the file holds more. */
    static final int PROGRESS_EVERY = 1000;
    /** The stack's managed policy that allows the import's calls. */
    static final String POLICY = "DataImportPolicy";

    private final BatchWriter writer;
    private final PrintWriter progress;

    BatchImport(Target target, String table, PrintWriter progress) {
        AwsCall call = target.call("dynamodb:BatchWriteItem", "table " + table, POLICY);
        this.writer = new BatchWriter(table, request -> call.run(() -> target.dynamoDb().batchWriteItem(request)));
        this.progress = progress;
    }

    BatchWriter.Result write(List<TenantInvoiceGroup> groups) {
        int size = groups.size();
        long[] written = {0};
        try {
            return writer.write(groups, total -> {
                if (size > PROGRESS_EVERY && total / PROGRESS_EVERY > written[0] / PROGRESS_EVERY) {
                    progress.println("imported " + total + " of " + size + " invoice groups");
                }
                written[0] = total;
            });
        } catch (UnprocessedItemsException e) {
            throw sofar(CommandFailure.unavailable("dynamodb:BatchWriteItem on table " + e.table() + " left "
                    + e.items() + " item(s) unprocessed after " + e.attempts() + " attempts (throughput exceeded?)"),
                    e.written(), size);
        } catch (CommandFailure failure) {
            throw sofar(failure, written[0], size);
        }
    }

    /** The failure, followed by how many items the batches before it wrote. */
    private static CommandFailure sofar(CommandFailure failure, long written, int size) {
        return failure.withContext("; " + written + " of " + size + " invoice groups were written"
                + " (an import can be run again: the same ids overwrite)");
    }
}
