package invoicegroups.boundary;

import invoicegroups.control.NextTokenCodec;
import invoicegroups.entity.Address;
import invoicegroups.entity.InvoiceGroup;
import invoicegroups.entity.InvoiceGroupPage;
import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the API's JSON bodies with Jackson's streaming generator: exactly the documented properties, optional ones
 * omitted when absent (never {@code null}).
 */
final class ResponseBodies {

    private final JsonFactory json;
    private final NextTokenCodec nextTokens;

    ResponseBodies(JsonFactory json, NextTokenCodec nextTokens) {
        this.json = json;
        this.nextTokens = nextTokens;
    }

    /** {@code {"data": [...], "nextToken": "..."}}, {@code nextToken} only when more items exist. */
    String page(InvoiceGroupPage page) {
        StringWriter body = new StringWriter(256 + 512 * page.data().size());
        try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), body)) {
            generator.writeStartObject();
            generator.writeArrayPropertyStart("data");
            for (InvoiceGroup group : page.data()) {
                write(group, generator);
            }
            generator.writeEndArray();
            if (page.next().isPresent()) {
                generator.writeStringProperty("nextToken", nextTokens.encode(page.next().get()));
            }
            generator.writeEndObject();
        }
        return body.toString();
    }

    /** {@code {"message": "..."}}. */
    String error(String message) {
        StringWriter body = new StringWriter(64 + message.length());
        try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), body)) {
            generator.writeStartObject();
            generator.writeStringProperty("message", message);
            generator.writeEndObject();
        }
        return body.toString();
    }

    private static void write(InvoiceGroup group, JsonGenerator generator) {
        generator.writeStartObject();
        generator.writeStringProperty("id", group.id());
        writeIfPresent(generator, "name", group.name());
        writeIfPresent(generator, "email", group.email());
        generator.writeBooleanProperty("dailyInvoiceConsolidation", group.dailyInvoiceConsolidation());
        if (group.netTermDays() != null) {
            generator.writeNumberProperty("netTermDays", group.netTermDays().intValue());
        }
        writeIfPresent(generator, "invoiceCurrency", group.invoiceCurrency());
        write(group.billingAddress(), generator);
        generator.writeNumberProperty("accountsCount", group.accountsCount());
        if (group.createdAt() != null) {
            generator.writeStringProperty("createdAt", group.createdAt().toString());
        }
        if (group.updatedAt() != null) {
            generator.writeStringProperty("updatedAt", group.updatedAt().toString());
        }
        generator.writeEndObject();
    }

    private static void write(Address address, JsonGenerator generator) {
        // billingAddress is required by the schema, every field of it optional: an absent address is {}.
        generator.writeObjectPropertyStart("billingAddress");
        if (address != null) {
            writeIfPresent(generator, "phoneNumber", address.phoneNumber());
            writeIfPresent(generator, "line1", address.line1());
            writeIfPresent(generator, "line2", address.line2());
            writeIfPresent(generator, "postalCode", address.postalCode());
            writeIfPresent(generator, "city", address.city());
            writeIfPresent(generator, "state", address.state());
            writeIfPresent(generator, "country", address.country());
        }
        generator.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator generator, String name, String value) {
        if (value != null) {
            generator.writeStringProperty(name, value);
        }
    }
}
