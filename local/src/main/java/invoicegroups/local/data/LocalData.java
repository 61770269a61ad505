package invoicegroups.local.data;

import invoicegroups.local.Options;
import invoicegroups.local.Options.Generate;
import invoicegroups.local.control.DataFile;
import invoicegroups.local.entity.TenantInvoiceGroup;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/** The invoice groups a run starts with: the bundled sample or the user's file, plus any synthetic ones. */
public final class LocalData {

    /** From this many synthetic invoice groups on, loading reports its progress. */
    static final int PROGRESS_FROM = 10_000;
    private static final int PROGRESS_STEPS = 10;

    private final List<TenantInvoiceGroup> fromFile;
    private final Optional<Generate> generate;

    private LocalData(List<TenantInvoiceGroup> fromFile, Optional<Generate> generate) {
        this.fromFile = fromFile;
        this.generate = generate;
    }

    /** Reads and checks the data file now, before anything starts: a bad file leaves nothing half-loaded. */
    public static LocalData of(Options options) {
        List<TenantInvoiceGroup> groups = options.dataFile().map(DataFile::read).orElseGet(DataFile::readSample);
        return new LocalData(groups, options.generate());
    }

    /** @return how many invoice groups each tenant got */
    public Map<String, Long> loadInto(InvoiceGroupLoader loader, PrintStream console) {
        Map<String, Long> counts = new TreeMap<>();
        loader.load(fromFile);
        fromFile.forEach(group -> counts.merge(group.tenantId(), 1L, Long::sum));
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
