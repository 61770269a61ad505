package invoicegroups.data;

import invoicegroups.storeditem.InvoiceGroupItemContract;
import invoicegroups.storeditem.InvoiceGroupTableSchema;
import invoicegroups.entity.InvoiceGroup;
import invoicegroups.table.Messages;
import invoicegroups.table.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a data file of invoice groups and checks all of it before anything is written: a JSON object whose property
 * names are tenant ids, each holding an array of invoice groups shaped exactly as the API returns them.
 *
 * <pre>{"acme": [{"id": "ig_acme_001", "name": "...", ...}], "globex": [...]}</pre>
 *
 * <p>Each record is checked by {@link InvoiceGroupItemContract}, the rules the function applies to every stored
 * item it reads, plus what the file format adds: no unknown fields (in a record or its address), no id twice in a
 * tenant. The first problem found is a {@link DataFileException} naming the file, the record and the field, never
 * the field's value.
 * The local runner loads such a file at start; {@code import} loads one into a deployed table (both write it with
 * {@link BatchWriter}). Bytes that are not UTF-8 are refused with the byte offset ({@link StrictUtf8}), before any
 * JSON is parsed.
 */
public final class DataFile {

    private static final Set<String> FIELDS = Set.of("id", "name", "email", "dailyInvoiceConsolidation", "netTermDays",
            "invoiceCurrency", "billingAddress", "accountsCount", "createdAt", "updatedAt");
    private static final Set<String> ADDRESS_FIELDS = Set.of(InvoiceGroupItemContract.ADDRESS_FIELDS);
    // Duplicate property names would silently drop a tenant's records or a field: refuse them.
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** The parser's words are quoted this far. */
    private static final int MAX_PARSE_PROBLEM = 120;

    private DataFile() {
    }

    public static List<TenantInvoiceGroup> read(Path file) {
        return contents(file).groups();
    }

    /** @param name how messages name the file */
    public static List<TenantInvoiceGroup> read(String name, InputStream in) {
        return contents(name, in).groups();
    }

    /** The file's tenants (an empty one included) and invoice groups: what the local runner loads. */
    public static Contents contents(Path file) {
        return parse(file.toString(), StrictUtf8.read(file));
    }

    /** @param name how messages name the file */
    public static Contents contents(String name, InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DataFileException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(name, StrictUtf8.decode(name, bytes));
    }

    /**
     * What a data file holds.
     *
     * @param tenantIds every tenant of the file in the file's order, those with an empty array included
     * @param groups the invoice groups, tenant by tenant in the file's order
     */
    public record Contents(List<String> tenantIds, List<TenantInvoiceGroup> groups) {
        public Contents {
            tenantIds = List.copyOf(tenantIds);
            groups = List.copyOf(groups);
        }
    }

    /** The file's text, already strictly decoded ({@link StrictUtf8}): invalid bytes never reach the table. */
    private static Contents parse(String name, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new DataFileException(name + ": not valid JSON" + where + ": " + parseProblem(e));
        }
        if (root == null || !root.isObject()) {
            throw new DataFileException(name
                    + ": must be a JSON object of tenant ids, each with an array of invoice groups");
        }
        List<TenantInvoiceGroup> groups = new ArrayList<>();
        List<String> tenantIds = new ArrayList<>();
        int tenantNumber = -1;
        for (Map.Entry<String, JsonNode> tenant : root.properties()) {
            tenantNumber++;
            String tenantId = tenant.getKey();
            if (!TenantId.isValid(tenantId)) {
                // Not echoed: an invalid id may be anything, of any length.
                throw new DataFileException(name + ": a tenant id (key " + (tenantNumber + 1)
                        + ") is not valid: a tenant id is " + TenantId.RULE);
            }
            if (!tenant.getValue().isArray()) {
                throw new DataFileException(name + ": tenant \"" + tenantId + "\" must be an array of invoice groups");
            }
            tenantIds.add(tenantId);
            Map<String, Integer> seenIds = new HashMap<>();
            int number = 0;
            for (JsonNode record : tenant.getValue()) {
                number++;
                Record where = new Record(name, tenantId, number, record.isObject() ? record.get("id") : null);
                InvoiceGroup group = invoiceGroup(record, where);
                Integer earlier = seenIds.putIfAbsent(group.id(), number);
                if (earlier != null) {
                    throw where.problem("id", "repeats the id of record " + earlier);
                }
                groups.add(new TenantInvoiceGroup(tenantId, group));
            }
        }
        return new Contents(tenantIds, groups);
    }

    private static InvoiceGroup invoiceGroup(JsonNode record, Record where) {
        if (!record.isObject()) {
            throw where.problem("must be an invoice group object");
        }
        for (String field : record.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw where.problem(field, "is not a field of an invoice group");
            }
        }
        JsonNode address = record.get("billingAddress");
        if (address != null && address.isObject()) {
            for (String field : address.propertyNames()) {
                if (!ADDRESS_FIELDS.contains(field)) {
                    throw where.problem("billingAddress." + field, "is not a field of an address");
                }
            }
        }
        // The record as the item it becomes, checked by the one item contract the read path uses.
        Map<String, AttributeValue> item = attributes(record);
        InvoiceGroupItemContract.check(item).ifPresent(violation -> {
            throw where.problem(violation);
        });
        return InvoiceGroupTableSchema.INVOICE_GROUP.mapToItem(item);
    }

    /** JSON to DynamoDB types: string S, boolean BOOL, number N, object M, array L, null NULL. */
    private static Map<String, AttributeValue> attributes(JsonNode object) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            attributes.put(property.getKey(), attribute(property.getValue()));
        }
        return attributes;
    }

    private static AttributeValue attribute(JsonNode value) {
        if (value.isString()) {
            return AttributeValue.fromS(value.stringValue());
        }
        if (value.isBoolean()) {
            return AttributeValue.fromBool(value.booleanValue());
        }
        if (value.isNumber()) {
            return AttributeValue.fromN(value.isIntegralNumber() ? value.bigIntegerValue().toString()
                    : value.decimalValue().toPlainString());
        }
        if (value.isObject()) {
            return AttributeValue.fromM(attributes(value));
        }
        if (value.isArray()) {
            List<AttributeValue> elements = new ArrayList<>();
            value.forEach(element -> elements.add(attribute(element)));
            return AttributeValue.fromL(elements);
        }
        return AttributeValue.fromNul(true);
    }

    /**
     * What the parser found, in words that stand alone: the end of a truncated file said as such, and never the
     * parser's own location text (with the source disabled it reads "REDACTED (StreamReadFeature...)").
     */
    private static String parseProblem(JacksonException e) {
        if (e instanceof UnexpectedEndOfInputException) {
            return "the file ends before the JSON does (is it cut short?)";
        }
        // A parser message of none says so, as it always has (the helper's word for nothing is another).
        String original = e.getOriginalMessage();
        String message = original == null ? "unreadable" : Messages.firstLine(original, Integer.MAX_VALUE);
        for (String internal : new String[] {" (start marker at ", " at [Source: ", "[Source: "}) {
            int at = message.indexOf(internal);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        return Messages.cut(message.strip(), MAX_PARSE_PROBLEM);
    }

    /** Where a problem is: the file, the tenant, the record's position (from 1) and its id when it has one. */
    private record Record(String file, String tenantId, int number, JsonNode id) {

        /** A broken item-contract rule: a missing or null field is "required", any other names what it must be. */
        DataFileException problem(InvoiceGroupItemContract.Violation violation) {
            boolean absent = violation.rule() == InvoiceGroupItemContract.Rule.MISSING
                    || violation.rule() == InvoiceGroupItemContract.Rule.NULL;
            return problem(violation.attribute(), absent ? "is required" : "must be " + violation.expected());
        }

        DataFileException problem(String field, String rule) {
            return problem("field \"" + field + "\" " + rule);
        }

        DataFileException problem(String what) {
            String named = id != null && id.isString() ? " (id \"" + id.stringValue() + "\")" : "";
            return new DataFileException(
                    file + ": tenant \"" + tenantId + "\", record " + number + named + ": " + what);
        }
    }
}
