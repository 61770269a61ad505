package invoicegroups.storeditem;

import invoicegroups.table.InvoiceGroupsTable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a stored invoice-group item must hold for the API to return it: the {@code InvoiceGroups} schema of
 * {@code function/openapi.yaml} (the seed's), checked on the DynamoDB item before it is mapped. The one definition
 * of the rules: the read path, the local runner's data files and {@code ops import} all use it.
 *
 * <ul>
 *   <li>required, never {@code NULL}: {@code id}, {@code name}, {@code email}, {@code invoiceCurrency},
 *       {@code createdAt}, {@code updatedAt} (S); {@code dailyInvoiceConsolidation} (BOOL); {@code accountsCount}
 *       (N); {@code billingAddress} (M);
 *   <li>{@code id}: 1 to 1024 UTF-8 bytes without control characters (what a {@code nextToken} may carry);
 *   <li>{@code email}: at most 320 characters;
 *   <li>{@code createdAt}, {@code updatedAt}: ISO-8601 instants ({@link Instant#parse});
 *   <li>{@code accountsCount}: an integer from 0 to 2^31-1; {@code netTermDays} (optional): an int32;
 *   <li>{@code billingAddress}: its known fields (phoneNumber, line1, line2, postalCode, city, state, country) are
 *       strings; unknown keys in it are left out, as unknown top-level attributes are.
 * </ul>
 *
 * <p>An optional attribute stored as {@code NULL} counts as absent: that is how DynamoDB writers spell a null.
 *
 * <p>A violation names the attribute and the rule, never the value: the value may be personal data.
 */
public final class InvoiceGroupItemContract {

    /** JSON Schema's maxLength of {@code email}, in characters (code points). */
    public static final int MAX_EMAIL_LENGTH = 320;

    /** The address fields the schema defines, in its order. */
    public static final String[] ADDRESS_FIELDS =
            {"phoneNumber", "line1", "line2", "postalCode", "city", "state", "country"};

    private static final String INSTANT = "an RFC 3339 date-time with an offset, such as 2023-07-26T12:36:56.580150Z";

    /** The ways an attribute can break the contract. */
    public enum Rule {
        MISSING("missing"),
        NULL("null"),
        WRONG_TYPE("wrong-type"),
        UNPARSEABLE("unparseable"),
        OUT_OF_RANGE("out-of-range"),
        TOO_LONG("too-long");

        private final String code;

        Rule(String code) {
            this.code = code;
        }

        /** The rule's name in logs: {@code missing}, {@code null}, {@code wrong-type}, ... */
        public String code() {
            return code;
        }
    }

    /**
     * The first broken rule of an item.
     *
     * @param attribute the attribute's name; an address field as {@code billingAddress.city}
     * @param rule the rule broken
     * @param expected what the attribute must be, in words that fit a DynamoDB item and a JSON data file alike
     *     (fixed text, never the stored value)
     */
    public record Violation(String attribute, Rule rule, String expected) {

        /** {@code accountsCount: out-of-range (must be a whole number from 0 to 2147483647)}. */
        public String describe() {
            return attribute + ": " + rule.code() + " (must be " + expected + ")";
        }
    }

    private InvoiceGroupItemContract() {
    }

    /** The first violation of {@code item}, or empty when the API may return it. */
    public static Optional<Violation> check(Map<String, AttributeValue> item) {
        Violation violation = firstViolation(item);
        return violation == null ? Optional.empty() : Optional.of(violation);
    }

    // Plain null-returning checks on the hot path: one item costs a few map look-ups and type checks.
    private static Violation firstViolation(Map<String, AttributeValue> item) {
        Violation v;
        if ((v = id(item.get(InvoiceGroupsTable.SORT_KEY))) != null
                || (v = requiredString(item, "name")) != null
                || (v = email(item.get("email"))) != null
                || (v = dailyInvoiceConsolidation(item.get("dailyInvoiceConsolidation"))) != null
                || (v = netTermDays(item.get("netTermDays"))) != null
                || (v = requiredString(item, "invoiceCurrency")) != null
                || (v = billingAddress(item.get("billingAddress"))) != null
                || (v = accountsCount(item.get("accountsCount"))) != null
                || (v = instant(item, "createdAt")) != null
                || (v = instant(item, "updatedAt")) != null) {
            return v;
        }
        return null;
    }

    private static Violation id(AttributeValue value) {
        String expected = "a string of 1 to " + InvoiceGroupIds.MAX_BYTES + " bytes without control characters";
        Violation v = presentOfType(InvoiceGroupsTable.SORT_KEY, value, AttributeValue.Type.S, expected);
        if (v != null) {
            return v;
        }
        if (!InvoiceGroupIds.isValid(value.s())) {
            return new Violation(InvoiceGroupsTable.SORT_KEY,
                    value.s().isEmpty() || hasControlCharacter(value.s()) ? Rule.UNPARSEABLE : Rule.TOO_LONG, expected);
        }
        return null;
    }

    private static Violation requiredString(Map<String, AttributeValue> item, String attribute) {
        return presentOfType(attribute, item.get(attribute), AttributeValue.Type.S, "a string");
    }

    private static Violation email(AttributeValue value) {
        String expected = "a string of at most " + MAX_EMAIL_LENGTH + " characters";
        Violation v = presentOfType("email", value, AttributeValue.Type.S, expected);
        if (v != null) {
            return v;
        }
        String email = value.s();
        if (email.length() > MAX_EMAIL_LENGTH && email.codePointCount(0, email.length()) > MAX_EMAIL_LENGTH) {
            return new Violation("email", Rule.TOO_LONG, expected);
        }
        return null;
    }

    private static Violation dailyInvoiceConsolidation(AttributeValue value) {
        return presentOfType("dailyInvoiceConsolidation", value, AttributeValue.Type.BOOL, "true or false");
    }

    private static Violation netTermDays(AttributeValue value) {
        if (value == null || value.type() == AttributeValue.Type.NUL) {
            return null; // optional
        }
        return integer("netTermDays", value, Integer.MIN_VALUE,
                "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
    }

    private static Violation accountsCount(AttributeValue value) {
        String expected = "a whole number from 0 to " + Integer.MAX_VALUE;
        Violation v = presentOfType("accountsCount", value, AttributeValue.Type.N, expected);
        return v != null ? v : integer("accountsCount", value, 0, expected);
    }

    private static Violation integer(String attribute, AttributeValue value, int minimum, String expected) {
        if (value.type() != AttributeValue.Type.N) {
            return new Violation(attribute, Rule.WRONG_TYPE, expected);
        }
        String number = value.n();
        try {
            int parsed = Integer.parseInt(number);
            return parsed < minimum ? new Violation(attribute, Rule.OUT_OF_RANGE, expected) : null;
        } catch (NumberFormatException notAnInt) {
            // An integer outside int32 is out of range; a fraction or a malformed number is unparseable.
            return isInteger(number)
                    ? new Violation(attribute, Rule.OUT_OF_RANGE, expected)
                    : new Violation(attribute, Rule.UNPARSEABLE, expected);
        }
    }

    private static boolean isInteger(String number) {
        int start = !number.isEmpty() && (number.charAt(0) == '-' || number.charAt(0) == '+') ? 1 : 0;
        if (start == number.length()) {
            return false;
        }
        for (int i = start; i < number.length(); i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Violation instant(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        Violation v = presentOfType(attribute, value, AttributeValue.Type.S, INSTANT);
        if (v != null) {
            return v;
        }
        try {
            IsoInstants.parse(value.s()); // exactly Instant.parse's verdict, at a fraction of its cost
            return null;
        } catch (DateTimeParseException e) {
            return new Violation(attribute, Rule.UNPARSEABLE, INSTANT);
        }
    }

    private static Violation billingAddress(AttributeValue value) {
        Violation v = presentOfType("billingAddress", value, AttributeValue.Type.M,
                "an object (map) of the string fields " + String.join(", ", ADDRESS_FIELDS));
        if (v != null) {
            return v;
        }
        Map<String, AttributeValue> address = value.m();
        for (String field : ADDRESS_FIELDS) {
            AttributeValue fieldValue = address.get(field);
            if (fieldValue != null && fieldValue.type() != AttributeValue.Type.NUL
                    && fieldValue.type() != AttributeValue.Type.S) {
                return new Violation("billingAddress." + field, Rule.WRONG_TYPE, "a string");
            }
        }
        return null;
    }

    private static Violation presentOfType(String attribute, AttributeValue value, AttributeValue.Type type,
            String expected) {
        if (value == null) {
            return new Violation(attribute, Rule.MISSING, expected);
        }
        AttributeValue.Type actual = value.type();
        if (actual == type) {
            return null;
        }
        return new Violation(attribute, actual == AttributeValue.Type.NUL ? Rule.NULL : Rule.WRONG_TYPE, expected);
    }

    private static boolean hasControlCharacter(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
