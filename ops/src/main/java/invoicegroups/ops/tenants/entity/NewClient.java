package invoicegroups.ops.tenants.entity;

/**
 * A tenant's new app client and its secret, shown once. Printed on stdout as one line of six words,
 * {@code tenant TENANT client_id ID client_secret SECRET}, so a script reads it with
 * {@code read -r _ tenant _ client_id _ client_secret}.
 */
public record NewClient(String tenantId, String clientId, String clientSecret) {

    public String line() {
        return "tenant " + tenantId + " client_id " + clientId + " client_secret " + clientSecret;
    }
}
