package invoicegroups.ops.tenants;

import invoicegroups.ops.tenants.aws.ClientNames;
import invoicegroups.table.TenantRegistryTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One tenant's state across the stand-ins, and the rules the tests hold it to. {@link #getsToken} is the rule the
 * token trigger and the Lambda authorizer apply to the registry (DESIGN.md): a client gets a token, and its calls
 * are allowed, only if its client record exists, its tenant record exists and that tenant is active. Public for the
 * end-to-end tests against the local runner, which build it from what the runner holds and hold it to the same rules.
 *
 * @param tenant the tenant record, or {@code null} when there is none
 * @param clientRecords the client records naming the tenant
 * @param appClients the ids of the app clients named after the tenant
 * @param apiKeys the ids of the API keys named after the tenant
 */
public record Registry(Map<String, AttributeValue> tenant, List<Map<String, AttributeValue>> clientRecords,
        Set<String> appClients, Set<String> apiKeys) {

    static Registry of(StandIns standIns, String tenantId) {
        Map<String, AttributeValue> tenant = standIns.tenantItem(tenantId);
        List<Map<String, AttributeValue>> clients = standIns.allItems().stream()
                .filter(item -> !TenantRegistryTable.isTenantRecordKey(item.get("clientId").s()))
                .filter(item -> tenantId.equals(item.get("tenantId").s())).toList();
        Set<String> appClients = new TreeSet<>();
        standIns.cognito.clients.forEach((id, request) -> {
            if (ClientNames.forTenant(tenantId).equals(request.path("ClientName").asString())) {
                appClients.add(id);
            }
        });
        Set<String> keys = new TreeSet<>();
        standIns.apiGateway.keys.values().forEach(key -> {
            if (key.name().equals("invoice-groups/local/" + tenantId)) {
                keys.add(key.id());
            }
        });
        return new Registry(tenant == null || tenant.isEmpty() ? null : tenant, clients, appClients, keys);
    }

    public boolean removed() {
        return tenant == null;
    }

    public Set<String> clientIds() {
        AttributeValue ids = tenant == null ? null : tenant.get("clientIds");
        return ids == null || !ids.hasSs() ? Set.of() : new TreeSet<>(ids.ss());
    }

    public Set<String> clientRecordIds() {
        return new TreeSet<>(clientRecords.stream().map(item -> item.get("clientId").s()).toList());
    }

    /** The trigger's and authorizer's rule, applied to this state. */
    public boolean getsToken(String clientId) {
        boolean registered = clientRecords.stream().anyMatch(item -> item.get("clientId").s().equals(clientId));
        return registered && tenant != null && TenantRegistryTable.ACTIVE.equals(tenant.get("status").s());
    }

    public String status() {
        return tenant == null ? null : tenant.get("status").s();
    }
}
