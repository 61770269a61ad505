package invoicegroups.ops.tenants.entity;

import invoicegroups.table.TenantRegistryTable;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant as its registry record holds it ({@link TenantRegistryTable}): one item, key {@code tenant#<tenantId>},
 * changed only with conditions or in transactions. Absent values are {@code null}.
 *
 * @param clientIds the tenant's app client ids (empty when it has none)
 * @param pendingId the random id of the multi-step command under way, or null when none is
 */
public record TenantRecord(String tenantId, String status, String plan, String createdAt, String updatedAt,
        long version, Set<String> clientIds, String apiKeyId, String apiKeyValue, String pendingOperation,
        String pendingId, String pendingSince, String pendingPlan) {

    public TenantRecord {
        clientIds = Set.copyOf(clientIds);
    }

    public boolean pending() {
        return pendingId != null;
    }

    public boolean active() {
        return TenantRegistryTable.ACTIVE.equals(status);
    }

    /** The client ids, sorted: how every output lists them. */
    public Set<String> sortedClientIds() {
        return new TreeSet<>(clientIds);
    }
}
