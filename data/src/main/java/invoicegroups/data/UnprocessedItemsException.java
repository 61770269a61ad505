package invoicegroups.data;

/**
 * DynamoDB kept leaving items of a batch in {@code UnprocessedItems} until the {@link BatchWriter}'s attempts ran out
 * (a partition's throughput exceeded for longer than the backoff waits). It carries the facts, not a sentence: the
 * operator command and the runner each say it in their own words.
 */
public final class UnprocessedItemsException extends RuntimeException {

    private final String table;
    private final int items;
    private final int attempts;
    private final long written;

    /**
     * @param items    the items of the batch still unprocessed
     * @param attempts the calls made for the batch
     * @param written  the items written before that batch (a run can be repeated: the same ids overwrite)
     */
    UnprocessedItemsException(String table, int items, int attempts, long written) {
        super(items + " item(s) unprocessed in table " + table + " after " + attempts + " attempts", null, false,
                false);
        this.table = table;
        this.items = items;
        this.attempts = attempts;
        this.written = written;
    }

    public String table() {
        return table;
    }

    public int items() {
        return items;
    }

    public int attempts() {
        return attempts;
    }

    public long written() {
        return written;
    }
}
