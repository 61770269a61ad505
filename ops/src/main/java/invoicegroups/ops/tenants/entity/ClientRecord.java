package invoicegroups.ops.tenants.entity;

/**
 * An app client as its registry record holds it: which tenant it belongs to.
 *
 * @param legacyStatus the {@code status} a record written before tenant records existed carries (read only by
 *     {@code tenants check}, which upgrades it), or null
 */
public record ClientRecord(String clientId, String tenantId, String createdAt, String legacyStatus) {

    public boolean legacy() {
        return legacyStatus != null;
    }
}
