package invoicegroups.ops.tenants.entity;

/**
 * A tenant's API Gateway API key: the authorizer returns its value as {@code usageIdentifierKey}, so the edge
 * applies the tenant's plan. Callers never see or send it.
 *
 * @param value null where it was not asked for (listings)
 */
public record ApiKey(String id, String name, String value) {
}
