package invoicegroups.ops.dataimport;

import invoicegroups.data.BatchWriter;
import invoicegroups.data.DataFile;
import invoicegroups.data.DataFileException;
import invoicegroups.data.TenantInvoiceGroup;
import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.cli.TargetOptions;
import invoicegroups.ops.deployment.Target;
import invoicegroups.ops.failure.CommandFailure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE [--table NAME] [--dry-run] [target]}: loads a data file (the local runner's format) into the
 * invoice groups table. The whole file is checked first by the data module's reader ({@link DataFile}: the item
 * contract the function reads with); a bad file writes nothing and is an invalid-input failure with the reader's
 * message. Then {@link BatchImport} writes it with the data module's one writer, 25 items a call.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Check a data file whole, then write it to the invoice groups table (BatchWriteItem, 25 a call;"
                + " the same ids overwrite). A bad file writes nothing.")
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Parameters(paramLabel = "FILE", description = "a JSON object of tenant ids, each with an array of invoice groups"
            + " shaped as the API returns them (UTF-8)")
    Path file;

    @Option(names = "--table", paramLabel = "NAME", description = "into another table than the target's")
    String table;

    @Option(names = "--dry-run", description = "check the file only: nothing is reached or written")
    boolean dryRun;

    private final Environment environment;

    ImportCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        String tableName = table == null ? null : tableName(table);
        // Checked whole before any target is reached: a bad file writes nothing.
        List<TenantInvoiceGroup> groups;
        try {
            groups = DataFile.read(file);
        } catch (DataFileException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        }
        long tenants = groups.stream().map(TenantInvoiceGroup::tenantId).distinct().count();
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            out.println("dry run: " + file + " holds " + groups.size() + " valid invoice groups of " + tenants
                    + " tenants; nothing written");
            return 0;
        }
        try (Target reached = target.resolve(environment.retries())) {
            String into = tableName == null ? reached.invoiceGroupsTableName() : tableName;
            BatchWriter.Result result = new BatchImport(reached, into, spec.commandLine().getErr()).write(groups);
            out.println("imported " + groups.size() + " invoice groups of " + tenants + " tenants from " + file
                    + " into table " + into + " (" + reached.where() + "): " + result.batches()
                    + " BatchWriteItem calls, " + result.retriedItems() + " unprocessed items retried");
        }
        return 0;
    }

    /** DynamoDB's table-name rule: 3 to 255 of a-z A-Z 0-9 _ - . (checked here so the error names the option). */
    static String tableName(String name) {
        if (!name.matches("[a-zA-Z0-9_.-]{3,255}")) {
            throw CommandFailure.usage("--table must be a DynamoDB table name (3 to 255 of a-z A-Z 0-9 _ - .)");
        }
        return name;
    }
}
