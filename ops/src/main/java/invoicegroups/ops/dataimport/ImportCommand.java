package invoicegroups.ops.dataimport;

import invoicegroups.ops.backoff.Backoff;
import invoicegroups.ops.cli.Arguments;
import invoicegroups.ops.cli.Command;
import invoicegroups.ops.datafile.DataFile;
import invoicegroups.ops.datafile.TenantInvoiceGroup;
import invoicegroups.ops.deployment.Target;
import invoicegroups.ops.deployment.Targets;
import invoicegroups.ops.failure.CommandFailure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code import FILE [--stack NAME [--region REGION] | --endpoint URL] [--table NAME] [--dry-run]}: loads a data file
 * (the local runner's format) into the invoice groups table. The whole file is checked first, by the item contract
 * the function reads with; a bad file writes nothing. Then {@link BatchImport} writes it, 25 items a call.
 */
public final class ImportCommand implements Command {

    public static final String USAGE = """
            import FILE                   check a data file whole, then write it to the invoice groups table
                                          (BatchWriteItem, 25 a call; the same ids overwrite)
            import FILE --table NAME      into another table than the target's
            import FILE --dry-run         check the file only: nothing is reached or written""";


    /** UnprocessedItems: 8 attempts a batch, full-jitter waits up to 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5 s (about 11 s). */
    static final Backoff UNPROCESSED_ITEMS =
            new Backoff(8, Duration.ofMillis(100), Duration.ofSeconds(5), duration -> Thread.sleep(duration.toMillis()));

    private static final Set<String> OPTIONS;

    static {
        Set<String> options = new HashSet<>(Arguments.TARGET_OPTIONS);
        options.add("--table");
        options.add("--dry-run");
        OPTIONS = Set.copyOf(options);
    }

    private final Backoff backoff;

    public ImportCommand() {
        this(UNPROCESSED_ITEMS);
    }

    ImportCommand(Backoff backoff) {
        this.backoff = backoff;
    }

    @Override
    public void run(Arguments arguments, PrintStream out, PrintStream err) {
        arguments.allowOnly("import", OPTIONS);
        String file = arguments.operands(1, "import FILE [--stack NAME | --endpoint URL] [--table NAME] [--dry-run]")
                .get(0);
        // Checked whole before any target is reached: a bad file writes nothing.
        List<TenantInvoiceGroup> groups = DataFile.read(Path.of(file));
        long tenants = groups.stream().map(TenantInvoiceGroup::tenantId).distinct().count();
        if (arguments.flag("--dry-run")) {
            out.println("dry run: " + file + " holds " + groups.size() + " valid invoice groups of " + tenants
                    + " tenants; nothing written");
            return;
        }
        try (Target target = Targets.resolve(arguments)) {
            String table = arguments.option("--table").map(ImportCommand::tableName)
                    .orElse(target.invoiceGroupsTableName());
            BatchImport.Result result = new BatchImport(target, table, backoff, err).write(groups);
            out.println("imported " + groups.size() + " invoice groups of " + tenants + " tenants from " + file
                    + " into table " + table + " (" + target.where() + "): " + result.batches() + " BatchWriteItem calls, "
                    + result.retriedItems() + " unprocessed items retried");
        }
    }

    /** DynamoDB's table-name rule: 3 to 255 of a-z A-Z 0-9 _ - . (checked here so the error names the option). */
    static String tableName(String name) {
        if (!name.matches("[a-zA-Z0-9_.-]{3,255}")) {
            throw CommandFailure.usage("--table must be a DynamoDB table name (3 to 255 of a-z A-Z 0-9 _ - .)");
        }
        return name;
    }
}
