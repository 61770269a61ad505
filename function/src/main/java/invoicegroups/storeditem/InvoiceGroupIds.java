package invoicegroups.storeditem;

/** What DynamoDB accepts as an invoice group id (a string sort key), checked before a token reaches a query. */
public final class InvoiceGroupIds {

    /** DynamoDB's limit for a sort key value. */
    static final int MAX_BYTES = 1024;

    private InvoiceGroupIds() {
    }

    /**
     * 1 to {@link #MAX_BYTES} bytes of UTF-8, no control characters, no lone surrogates. The UTF-8 length is counted
     * in the same pass (every stored item's id is checked on the read path; no byte array per id).
     */
    public static boolean isValid(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_BYTES) {
            return false; // every character takes at least one byte
        }
        int bytes = 0;
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            // A lone surrogate cannot be stored as UTF-8: DynamoDB would see a different id.
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == length || !Character.isLowSurrogate(id.charAt(i + 1))) {
                    return false;
                }
                bytes += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        return bytes <= MAX_BYTES;
    }
}
