package invoicegroups.table;

import java.util.regex.Pattern;

/**
 * The one rule for tenant ids, shared by the function (the tenant claim), the token trigger, the tenant registry,
 * the operator commands, the local runner's data files and the CDK stack.
 *
 * <p>A tenant id is the invoice groups table's partition key and the value of the tenant claim. It is decided by
 * the platform (the tenant registry), never by the caller.
 */
public final class TenantId {

    /** 1 to 128 of: ASCII letters, digits, {@code .}, {@code _}, {@code :} and {@code -}. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The rule in words, for error messages (never with the offending value: it may be unbounded). */
    public static final String RULE = "1 to 128 letters, digits, '.', '_', ':' or '-'";

    private TenantId() {
    }

    /** Whether {@code candidate} is a well-formed tenant id; {@code null} is not. */
    public static boolean isValid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }
}
