package invoicegroups.ops.tenants;

/** One item of the tenant registry: an app client, its tenant, its status and when it was registered. */
public record RegisteredClient(String clientId, String tenantId, String status, String createdAt) {
}
