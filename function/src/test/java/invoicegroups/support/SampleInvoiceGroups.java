package invoicegroups.support;

import invoicegroups.entity.Address;
import invoicegroups.entity.InvoiceGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Invoice groups for tests, with ids that sort in creation order: {@code prefix_00001}, {@code prefix_00002}, ... */
public final class SampleInvoiceGroups {

    private static final Instant CREATED = Instant.parse("2023-07-26T12:36:56.580150Z");

    private SampleInvoiceGroups() {
    }

    public static List<InvoiceGroup> of(String prefix, int count) {
        List<InvoiceGroup> groups = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            groups.add(group(String.format("%s_%05d", prefix, i), i));
        }
        return groups;
    }

    /** Invoice groups whose names start with {@code owner}, to tell tenants' data apart when ids coincide. */
    public static List<InvoiceGroup> owned(String prefix, int count, String owner) {
        List<InvoiceGroup> groups = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            groups.add(group(String.format("%s_%05d", prefix, i), i, owner + " invoice group " + i));
        }
        return groups;
    }

    public static InvoiceGroup group(String id, int n) {
        return group(id, n, "Invoice Group " + n);
    }

    private static InvoiceGroup group(String id, int n, String name) {
        return InvoiceGroup.builder()
                .id(id)
                .name(name)
                .email("billing+" + n + "@acme.example")
                .dailyInvoiceConsolidation(n % 2 == 0)
                .netTermDays(n % 3 == 0 ? null : 30)
                .invoiceCurrency("USD")
                .billingAddress(Address.builder().line1(n + " Broadway Street").city("Florence").country("US").build())
                .accountsCount(n % 7)
                .createdAt(CREATED.plusSeconds(n))
                .updatedAt(CREATED.plusSeconds(2L * n))
                .build();
    }
}
