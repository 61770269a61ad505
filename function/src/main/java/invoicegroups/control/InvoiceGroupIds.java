package invoicegroups.control;

import java.nio.charset.StandardCharsets;

/** What DynamoDB accepts as an invoice group id (a string sort key), checked before a token reaches a query. */
final class InvoiceGroupIds {

    /** DynamoDB's limit for a sort key value. */
    static final int MAX_BYTES = 1024;

    private InvoiceGroupIds() {
    }

    static boolean isValid(String id) {
        if (id.isEmpty() || id.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            // A lone surrogate cannot be stored as UTF-8: DynamoDB would see a different id.
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == id.length() || !Character.isLowSurrogate(id.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
