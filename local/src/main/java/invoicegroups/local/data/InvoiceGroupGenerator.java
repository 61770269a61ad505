package invoicegroups.local.data;

import invoicegroups.entity.Address;
import invoicegroups.entity.InvoiceGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Synthetic invoice groups for load tests and benchmarks. The same tenant and number always give the same invoice
 * group, so runs are repeatable and regenerating into a kept data directory overwrites rather than adds.
 *
 * <p>Ids are {@code ig_<tenant>_gen_<9-digit number>}: they sort in generation order, and never collide with the
 * sample data's {@code ig_<tenant>_<3-digit number>}.
 */
public final class InvoiceGroupGenerator {

    private static final Instant FIRST_CREATED = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "INR", "JPY", "AUD");
    private static final List<Address> ADDRESSES = List.of(
            Address.builder().phoneNumber("+14155550100").line1("1 Market Street").line2("Suite 300")
                    .postalCode("94105").city("San Francisco").state("California").country("US").build(),
            Address.builder().line1("10 Downing Street").postalCode("SW1A 2AA").city("London").country("GB").build(),
            Address.builder().phoneNumber("+919876543210").line1("MG Road 42").postalCode("560001")
                    .city("Bengaluru").state("Karnataka").country("IN").build(),
            Address.builder().build());

    private InvoiceGroupGenerator() {
    }

    /** Invoice groups 1 to {@code count} of {@code tenantId}. */
    public static Stream<InvoiceGroup> invoiceGroups(String tenantId, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(number -> invoiceGroup(tenantId, number));
    }

    /** Invoice group number {@code number} (from 1) of {@code tenantId}. */
    public static InvoiceGroup invoiceGroup(String tenantId, int number) {
        Instant created = FIRST_CREATED.plus(Duration.ofMinutes(number));
        return InvoiceGroup.builder()
                .id(id(tenantId, number))
                .name("Invoice group " + number)
                .email("billing+" + number + "@" + tenantId.toLowerCase() + ".example")
                .dailyInvoiceConsolidation(number % 2 == 0)
                .netTermDays(number % 3 == 0 ? null : 15 * (number % 4 + 1))
                .invoiceCurrency(CURRENCIES.get(number % CURRENCIES.size()))
                .billingAddress(ADDRESSES.get(number % ADDRESSES.size()))
                .accountsCount(number % 50)
                .createdAt(created)
                .updatedAt(created.plus(Duration.ofHours(number % 72)))
                .build();
    }

    public static String id(String tenantId, int number) {
        return String.format("ig_%s_gen_%09d", tenantId, number);
    }
}
