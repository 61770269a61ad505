package invoicegroups.support;

import invoicegroups.storeditem.InvoiceGroupItemContract.Rule;
import invoicegroups.storeditem.InvoiceGroupTableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every way the platform's other writers could break a stored invoice group: each attribute times missing, NULL,
 * the wrong DynamoDB type, unparseable, out of range and too long, as DynamoDB items (the low-level API's shape).
 */
public final class MalformedItems {

    /**
     * One way to break an item.
     *
     * @param attribute the attribute the contract must name
     * @param rule the rule it must name
     */
    public record Case(String description, String attribute, Rule rule, Consumer<Map<String, AttributeValue>> breaker) {

        /** A valid item of {@code tenant} with id {@code id}, broken this way. */
        public Map<String, AttributeValue> item(String tenant, String id, int n) {
            Map<String, AttributeValue> item = valid(tenant, id, n);
            breaker.accept(item);
            return item;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private static final AttributeValue NULL = AttributeValue.fromNul(true);

    private MalformedItems() {
    }

    /** A valid stored item, as InvoiceGroupTableSchema writes it. */
    public static Map<String, AttributeValue> valid(String tenant, String id, int n) {
        return new HashMap<>(InvoiceGroupTableSchema.item(tenant, SampleInvoiceGroups.group(id, n)));
    }

    /** Every case DynamoDB can store (the id is a key: DynamoDB itself refuses it missing, empty or too long). */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("id with a control character", "id", Rule.UNPARSEABLE,
                item -> item.put("id", AttributeValue.fromS(item.get("id").s() + "\u0007"))));
        for (String attribute : List.of("name", "email", "invoiceCurrency")) {
            cases.add(missing(attribute));
            cases.add(nul(attribute));
            cases.add(wrongType(attribute, AttributeValue.fromN("1")));
        }
        cases.add(new Case("email of 321 characters", "email", Rule.TOO_LONG,
                item -> item.put("email", AttributeValue.fromS("a".repeat(309) + "@example.com"))));
        cases.add(missing("dailyInvoiceConsolidation"));
        cases.add(nul("dailyInvoiceConsolidation"));
        cases.add(wrongType("dailyInvoiceConsolidation", AttributeValue.fromS("true")));
        cases.add(wrongType("netTermDays", AttributeValue.fromS("30")));
        cases.add(number("netTermDays", "1.5", Rule.UNPARSEABLE));
        cases.add(number("netTermDays", "2147483648", Rule.OUT_OF_RANGE));
        cases.add(number("netTermDays", "-2147483649", Rule.OUT_OF_RANGE));
        cases.add(missing("accountsCount"));
        cases.add(nul("accountsCount"));
        cases.add(wrongType("accountsCount", AttributeValue.fromS("5")));
        cases.add(number("accountsCount", "1.5", Rule.UNPARSEABLE));
        cases.add(number("accountsCount", "-5", Rule.OUT_OF_RANGE));
        cases.add(number("accountsCount", "99999999999", Rule.OUT_OF_RANGE));
        for (String attribute : List.of("createdAt", "updatedAt")) {
            cases.add(missing(attribute));
            cases.add(nul(attribute));
            cases.add(wrongType(attribute, AttributeValue.fromN("1690375016")));
            cases.add(new Case(attribute + " = yesterday", attribute, Rule.UNPARSEABLE,
                    item -> item.put(attribute, AttributeValue.fromS("yesterday"))));
            cases.add(new Case(attribute + " without a time", attribute, Rule.UNPARSEABLE,
                    item -> item.put(attribute, AttributeValue.fromS("2023-07-26"))));
        }
        cases.add(missing("billingAddress"));
        cases.add(nul("billingAddress"));
        cases.add(wrongType("billingAddress", AttributeValue.fromS("2281 Broadway Street")));
        cases.add(wrongType("billingAddress", AttributeValue.fromL(List.of(AttributeValue.fromS("x")))));
        for (String field : List.of("phoneNumber", "line1", "line2", "postalCode", "city", "state", "country")) {
            cases.add(new Case("billingAddress." + field + " as N", "billingAddress." + field, Rule.WRONG_TYPE,
                    item -> item.put("billingAddress", AttributeValue.fromM(with(item.get("billingAddress").m(),
                            field, AttributeValue.fromN("29501"))))));
        }
        cases.add(new Case("billingAddress.city as M", "billingAddress.city", Rule.WRONG_TYPE,
                item -> item.put("billingAddress", AttributeValue.fromM(with(item.get("billingAddress").m(),
                        "city", AttributeValue.fromM(Map.of("name", AttributeValue.fromS("Florence"))))))));
        return cases;
    }

    /** Items that differ from a written one but still hold the contract: unknown keys are left out, NULL optionals absent. */
    public static List<Case> stillValid() {
        return List.of(
                new Case("extra keys in billingAddress", null, null, item -> item.put("billingAddress",
                        AttributeValue.fromM(with(with(item.get("billingAddress").m(), "county",
                                AttributeValue.fromS("Florence County")), "geo", AttributeValue.fromN("34.19"))))),
                new Case("netTermDays NULL", null, null, item -> item.put("netTermDays", NULL)),
                new Case("netTermDays missing", null, null, item -> item.remove("netTermDays")),
                new Case("billingAddress.line2 NULL", null, null, item -> item.put("billingAddress",
                        AttributeValue.fromM(with(item.get("billingAddress").m(), "line2", NULL)))),
                new Case("billingAddress empty", null, null,
                        item -> item.put("billingAddress", AttributeValue.fromM(Map.of()))),
                new Case("unknown top-level attribute", null, null,
                        item -> item.put("internalNotes", AttributeValue.fromS("not for the API"))),
                new Case("email of 320 characters with a surrogate pair", null, null,
                        item -> item.put("email", AttributeValue.fromS("\uD83D\uDE00".repeat(308) + "@example.com"))));
    }

    private static Case missing(String attribute) {
        return new Case(attribute + " missing", attribute, Rule.MISSING, item -> item.remove(attribute));
    }

    private static Case nul(String attribute) {
        return new Case(attribute + " NULL", attribute, Rule.NULL, item -> item.put(attribute, NULL));
    }

    private static Case wrongType(String attribute, AttributeValue value) {
        return new Case(attribute + " as " + value.type(), attribute, Rule.WRONG_TYPE,
                item -> item.put(attribute, value));
    }

    private static Case number(String attribute, String number, Rule rule) {
        return new Case(attribute + " = " + number, attribute, rule,
                item -> item.put(attribute, AttributeValue.fromN(number)));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> map, String key, AttributeValue value) {
        Map<String, AttributeValue> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
