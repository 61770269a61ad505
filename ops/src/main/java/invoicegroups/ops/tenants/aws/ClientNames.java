package invoicegroups.ops.tenants.aws;

import java.util.regex.Pattern;

/**
 * The Cognito app client name for a tenant's client. Cognito's {@code ClientName} takes 1 to 128 characters of
 * {@code [\w\s+=,.@-]} (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientDescription.html);
 * a tenant id ({@link invoicegroups.table.TenantId})
 * may also hold {@code :}, so every character outside the name's set becomes {@code _}. The name is a label for
 * people in the console; which tenant a client belongs to is the registry's word alone.
 */
public final class ClientNames {

    /** Cognito's ClientName pattern, as the API reference gives it. */
    public static final Pattern PATTERN = Pattern.compile("[\\w\\s+=,.@-]+");
    public static final int MAX_LENGTH = 128;
    private static final Pattern OUTSIDE = Pattern.compile("[^\\w\\s+=,.@-]");

    private ClientNames() {
    }

    public static String forTenant(String tenantId) {
        String name = OUTSIDE.matcher(tenantId).replaceAll("_");
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }
}
