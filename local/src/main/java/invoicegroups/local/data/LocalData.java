package invoicegroups.local.data;

import invoicegroups.data.DataFile;
import invoicegroups.data.DataFileException;
import invoicegroups.data.TenantInvoiceGroup;
import invoicegroups.local.Options;
import invoicegroups.local.Options.Generate;
import invoicegroups.local.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/** The invoice groups a run starts with: the bundled sample or the user's file, plus any synthetic ones. */
public final class LocalData {

    /** The bundled sample data: tenants {@code acme} and {@code globex}. */
    public static final String SAMPLE_RESOURCE = "sample-invoice-groups.json";

    /** From this many synthetic invoice groups on, loading reports its progress. */
    static final int PROGRESS_FROM = 10_000;
    private static final int PROGRESS_STEPS = 10;

    private final DataFile.Contents fromFile;
    private final Optional<Generate> generate;

    private LocalData(DataFile.Contents fromFile, Optional<Generate> generate) {
        this.fromFile = fromFile;
        this.generate = generate;
    }

    /** Reads and checks the data file now, before anything starts: a bad file leaves nothing half-loaded. */
    public static LocalData of(Options options) {
        DataFile.Contents contents = options.dataFile().map(LocalData::read).orElseGet(LocalData::sample);
        return new LocalData(contents, options.generate());
    }

    public static List<TenantInvoiceGroup> readSample() {
        return sample().groups();
    }

    private static DataFile.Contents sample() {
        try (InputStream in = LocalData.class.getClassLoader().getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE_RESOURCE + " is missing from the runner's jar");
            }
            return DataFile.contents(SAMPLE_RESOURCE, in);
        } catch (IOException e) {
            throw new IllegalStateException(SAMPLE_RESOURCE + " cannot be read", e);
        }
    }

    /** The data module's reader (the one {@code ops import} checks with); its one-line failure becomes the runner's. */
    private static DataFile.Contents read(Path file) {
        try {
            return DataFile.contents(file);
        } catch (DataFileException e) {
            throw StartupException.failure(e.getMessage());
        }
    }

    /**
     * @return how many invoice groups each tenant got, every tenant of the data (one with none included) in the
     *     data's order, then the generated one
     */
    public Map<String, Long> loadInto(InvoiceGroupLoader loader, PrintStream console) {
        Map<String, Long> counts = new LinkedHashMap<>();
        fromFile.tenantIds().forEach(tenant -> counts.put(tenant, 0L));
        loader.load(fromFile.groups());
        fromFile.groups().forEach(group -> counts.merge(group.tenantId(), 1L, Long::sum));
        generate.ifPresent(generated -> {
            String tenant = generated.tenantId();
            long written = loader.load(InvoiceGroupGenerator.invoiceGroups(tenant, generated.count())
                    .map(group -> new TenantInvoiceGroup(tenant, group)).iterator(), progress(generated, console));
            counts.merge(tenant, written, Long::sum);
        });
        return counts;
    }

    private static LongConsumer progress(Generate generated, PrintStream console) {
        if (generated.count() < PROGRESS_FROM) {
            return written -> { };
        }
        long step = generated.count() / PROGRESS_STEPS;
        long started = System.nanoTime();
        return new LongConsumer() {
            private long next = step;

            @Override
            public void accept(long written) {
                if (written >= next || written == generated.count()) {
                    console.printf("generated %d of %d invoice groups for tenant %s (%d s)%n", written,
                            generated.count(), generated.tenantId(), (System.nanoTime() - started) / 1_000_000_000);
                    next = (written / step + 1) * step;
                }
            }
        };
    }
}
