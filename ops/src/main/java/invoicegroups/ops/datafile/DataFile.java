package invoicegroups.ops.datafile;

import invoicegroups.entity.Address;
import invoicegroups.entity.InvoiceGroup;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.table.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a data file of invoice groups and checks all of it before anything is written: a JSON object whose property
 * names are tenant ids, each holding an array of invoice groups shaped exactly as the API returns them.
 *
 * <pre>{"acme": [{"id": "ig_acme_001", "name": "...", ...}], "globex": [...]}</pre>
 *
 * <p>The first problem found is a {@link CommandFailure} (invalid input) naming the file, the record and the field.
 * The local runner loads such a file at start; {@code import} loads one into a deployed table.
 */
public final class DataFile {

    private static final int MAX_EMAIL_LENGTH = 320;
    /** DynamoDB's limit for a sort key value. */
    private static final int MAX_ID_BYTES = 1024;
    private static final Set<String> FIELDS = Set.of("id", "name", "email", "dailyInvoiceConsolidation", "netTermDays",
            "invoiceCurrency", "billingAddress", "accountsCount", "createdAt", "updatedAt");
    private static final Set<String> ADDRESS_FIELDS =
            Set.of("phoneNumber", "line1", "line2", "postalCode", "city", "state", "country");
    // Duplicate property names would silently drop a tenant's records or a field: refuse them.
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private DataFile() {
    }

    public static List<TenantInvoiceGroup> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw CommandFailure.invalidInput(file + ": no such file");
        } catch (IOException e) {
            throw CommandFailure.invalidInput(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** @param name how messages name the file */
    public static List<TenantInvoiceGroup> read(String name, InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw CommandFailure.invalidInput(name + ": cannot be read (" + e.getMessage() + ")");
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw CommandFailure.invalidInput(name + ": not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw CommandFailure.invalidInput(name
                    + ": must be a JSON object of tenant ids, each with an array of invoice groups");
        }
        List<TenantInvoiceGroup> groups = new ArrayList<>();
        int tenantNumber = -1;
        for (Map.Entry<String, JsonNode> tenant : root.properties()) {
            tenantNumber++;
            String tenantId = tenant.getKey();
            if (!TenantId.isValid(tenantId)) {
                // Not echoed: an invalid id may be anything, of any length.
                throw CommandFailure.invalidInput(name + ": a tenant id (key " + (tenantNumber + 1)
                        + ") is not valid: a tenant id is " + TenantId.RULE);
            }
            if (!tenant.getValue().isArray()) {
                throw CommandFailure.invalidInput(name + ": tenant \"" + tenantId + "\" must be an array of invoice groups");
            }
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
        return groups;
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
        String id = requiredString(record, "id", where);
        if (id.isBlank() || id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES
                || id.chars().anyMatch(Character::isISOControl)) {
            throw where.problem("id", "must be 1 to " + MAX_ID_BYTES + " bytes without control characters");
        }
        String email = requiredString(record, "email", where);
        if (email.length() > MAX_EMAIL_LENGTH) {
            throw where.problem("email", "must be at most " + MAX_EMAIL_LENGTH + " characters");
        }
        JsonNode daily = required(record, "dailyInvoiceConsolidation", where);
        if (!daily.isBoolean()) {
            throw where.problem("dailyInvoiceConsolidation", "must be true or false");
        }
        JsonNode netTermDays = record.get("netTermDays");
        boolean hasNetTerms = netTermDays != null && !netTermDays.isNull();
        if (hasNetTerms && (!netTermDays.isInt() || netTermDays.intValue() < 0)) {
            throw where.problem("netTermDays", "must be a whole number of days, 0 or more");
        }
        JsonNode accountsCount = required(record, "accountsCount", where);
        if (!accountsCount.isInt() || accountsCount.intValue() < 0) {
            throw where.problem("accountsCount", "must be a whole number, 0 or more");
        }
        return InvoiceGroup.builder()
                .id(id)
                .name(requiredString(record, "name", where))
                .email(email)
                .dailyInvoiceConsolidation(daily.booleanValue())
                .netTermDays(hasNetTerms ? netTermDays.intValue() : null)
                .invoiceCurrency(requiredString(record, "invoiceCurrency", where))
                .billingAddress(address(required(record, "billingAddress", where), where))
                .accountsCount(accountsCount.intValue())
                .createdAt(dateTime(record, "createdAt", where))
                .updatedAt(dateTime(record, "updatedAt", where))
                .build();
    }

    private static Address address(JsonNode address, Record where) {
        if (!address.isObject()) {
            throw where.problem("billingAddress", "must be an object");
        }
        for (String field : address.propertyNames()) {
            if (!ADDRESS_FIELDS.contains(field)) {
                throw where.problem("billingAddress." + field, "is not a field of an address");
            }
        }
        return Address.builder()
                .phoneNumber(optionalString(address, "phoneNumber", where))
                .line1(optionalString(address, "line1", where))
                .line2(optionalString(address, "line2", where))
                .postalCode(optionalString(address, "postalCode", where))
                .city(optionalString(address, "city", where))
                .state(optionalString(address, "state", where))
                .country(optionalString(address, "country", where))
                .build();
    }

    private static JsonNode required(JsonNode record, String field, Record where) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            throw where.problem(field, "is required");
        }
        return value;
    }

    private static String requiredString(JsonNode record, String field, Record where) {
        JsonNode value = required(record, field, where);
        if (!value.isString()) {
            throw where.problem(field, "must be a string");
        }
        return value.stringValue();
    }

    private static String optionalString(JsonNode address, String field, Record where) {
        JsonNode value = address.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw where.problem("billingAddress." + field, "must be a string");
        }
        return value.stringValue();
    }

    private static Instant dateTime(JsonNode record, String field, Record where) {
        String value = requiredString(record, field, where);
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw where.problem(field, "must be an RFC 3339 date-time such as 2024-05-01T09:30:00Z");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Where a problem is: the file, the tenant, the record's position (from 1) and its id when it has one. */
    private record Record(String file, String tenantId, int number, JsonNode id) {

        CommandFailure problem(String field, String rule) {
            return problem("field \"" + field + "\" " + rule);
        }

        CommandFailure problem(String what) {
            String named = id != null && id.isString() ? " (id \"" + id.stringValue() + "\")" : "";
            return CommandFailure.invalidInput(
                    file + ": tenant \"" + tenantId + "\", record " + number + named + ": " + what);
        }
    }
}
