package invoicegroups.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.control.NextTokenCodec;
import invoicegroups.entity.Address;
import invoicegroups.entity.InvoiceGroup;
import invoicegroups.entity.InvoiceGroupPage;
import invoicegroups.entity.PagePosition;
import invoicegroups.entity.SortOrder;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** A page's body is exactly what Jackson's streaming generator writes for it, whatever the stored text holds. */
class ResponseBodiesTest {

    private static final JsonFactory JSON = StrictJson.factory();
    private final ResponseBodies bodies = new ResponseBodies(JSON, new NextTokenCodec(JSON));

    @Property(tries = 500)
    void aPageIsWrittenExactlyAsJacksonWritesIt(@ForAll("groups") List<InvoiceGroup> groups,
            @ForAll("text") String lastItemId, @ForAll boolean more) {
        InvoiceGroupPage page = new InvoiceGroupPage(groups,
                more ? Optional.of(new PagePosition(lastItemId, 20, SortOrder.DESC)) : Optional.empty());

        assertThat(bodies.page(page)).isEqualTo(withJackson(page));
    }

    /** The reference: the page written property by property with Jackson's generator. */
    private static String withJackson(InvoiceGroupPage page) {
        StringWriter body = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), body)) {
            generator.writeStartObject();
            generator.writeArrayPropertyStart("data");
            for (InvoiceGroup group : page.data()) {
                generator.writeStartObject();
                generator.writeStringProperty("id", group.id());
                stringIfPresent(generator, "name", group.name());
                stringIfPresent(generator, "email", group.email());
                generator.writeBooleanProperty("dailyInvoiceConsolidation", group.dailyInvoiceConsolidation());
                if (group.netTermDays() != null) {
                    generator.writeNumberProperty("netTermDays", group.netTermDays().intValue());
                }
                stringIfPresent(generator, "invoiceCurrency", group.invoiceCurrency());
                generator.writeObjectPropertyStart("billingAddress");
                Address address = group.billingAddress();
                if (address != null) {
                    stringIfPresent(generator, "phoneNumber", address.phoneNumber());
                    stringIfPresent(generator, "line1", address.line1());
                    stringIfPresent(generator, "line2", address.line2());
                    stringIfPresent(generator, "postalCode", address.postalCode());
                    stringIfPresent(generator, "city", address.city());
                    stringIfPresent(generator, "state", address.state());
                    stringIfPresent(generator, "country", address.country());
                }
                generator.writeEndObject();
                generator.writeNumberProperty("accountsCount", group.accountsCount());
                if (group.createdAt() != null) {
                    generator.writeStringProperty("createdAt", group.createdAt().toString());
                }
                if (group.updatedAt() != null) {
                    generator.writeStringProperty("updatedAt", group.updatedAt().toString());
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
            if (page.next().isPresent()) {
                generator.writeStringProperty("nextToken", new NextTokenCodec(JSON).encode(page.next().get()));
            }
            generator.writeEndObject();
        }
        return body.toString();
    }

    private static void stringIfPresent(JsonGenerator generator, String name, String value) {
        if (value != null) {
            generator.writeStringProperty(name, value);
        }
    }

    @Provide
    Arbitrary<List<InvoiceGroup>> groups() {
        Arbitrary<String> optional = text().injectNull(0.3);
        Arbitrary<Address> address = Combinators.combine(optional, optional, optional, optional, optional, optional,
                optional).as(Address::new).injectNull(0.2);
        Arbitrary<Instant> instant = Arbitraries.longs().between(-100_000_000_000L, 100_000_000_000L)
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos))).injectNull(0.1);
        var integer = Arbitraries.integers();
        return Combinators.combine(List.of(text().asGeneric(), optional.asGeneric(), optional.asGeneric(),
                        Arbitraries.of(true, false).asGeneric(), integer.injectNull(0.3).asGeneric(),
                        optional.asGeneric(), address.asGeneric(), integer.between(0, Integer.MAX_VALUE).asGeneric(),
                        instant.asGeneric(), instant.asGeneric()))
                .as(values -> new InvoiceGroup((String) values.get(0), (String) values.get(1),
                        (String) values.get(2), (Boolean) values.get(3), (Integer) values.get(4),
                        (String) values.get(5), (Address) values.get(6), (Integer) values.get(7),
                        (Instant) values.get(8), (Instant) values.get(9)))
                .list().ofMaxSize(5);
    }

    /** Any text: quotes, backslashes, every control character, non-ASCII, surrogate pairs. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(30),
                Arbitraries.strings().withChars('"', '\\', '\n', '\t', '\u0001', '\u001f', '\u007f', '/', 'é', '\u2028')
                        .ofMaxLength(10));
    }
}
