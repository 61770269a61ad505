package invoicegroups.ops.tenants.control;

import invoicegroups.ops.tenants.aws.ApiKeys;
import invoicegroups.ops.tenants.aws.AppClients;
import invoicegroups.ops.tenants.aws.TenantRegistry;
import invoicegroups.ops.tenants.entity.ApiKey;
import invoicegroups.ops.tenants.entity.ClientRecord;
import invoicegroups.ops.tenants.entity.TenantRecord;
import invoicegroups.ops.tenants.entity.UsagePlan;
import invoicegroups.table.Plan;
import invoicegroups.table.TenantRegistryTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code tenants check [--repair]}: compares the user pool's app clients, this target's API keys and usage plans,
 * and the registry, reports every inconsistency a crash, an interrupted command or an older version can leave, and
 * with {@code repair} fixes each, idempotently (a second repair finds nothing to change).
 *
 * <p>Order (DESIGN.md): list the app clients, list our API keys, scan the registry consistently, take over pending
 * commands, then fix. Anything created after a listing is not in it and is never touched; anything in a listing was
 * created after its tenant record was written, so the scan sees that record. Before a fix, what it acts on is read
 * again (consistent reads), since a scan is no snapshot.
 */
public final class Check {

    /** One inconsistency, and what the repair did about it ({@code action} null when it only reports). */
    public record Finding(String kind, String subject, String detail, String action, boolean repaired) {

        public String line() {
            return subject + ": " + detail + (repaired ? " -> " + action
                    : action == null ? "" : " (tenants check --repair: " + action + ")");
        }
    }

    /** What was compared, and what was found. */
    public record Report(boolean repair, int tenants, int clientRecords, int appClients, int apiKeys,
            List<Finding> findings) {

        public long repaired() {
            return findings.stream().filter(Finding::repaired).count();
        }
    }

    private final Tenants tenants;
    private final TenantRegistry registry;
    private final AppClients appClients;
    private final ApiKeys apiKeys;
    private final boolean repair;
    private final List<Finding> findings = new ArrayList<>();

    private final Map<String, TenantRecord> tenantRecords = new TreeMap<>();
    private final Map<String, ClientRecord> clientRecords = new TreeMap<>();
    private Set<String> appClientIds;
    private Map<String, ApiKey> keys;
    private Map<String, UsagePlan> plans;
    /** Keys made after the first listing: their usage plans were not listed, so they are not judged. */
    private final Set<String> keysListedLate = new TreeSet<>();
    /** Key id -> the names of the plans whose usage plans hold it. */
    private final Map<String, Set<String>> keyPlans = new HashMap<>();

    public Check(Tenants tenants, boolean repair) {
        this.tenants = tenants;
        this.registry = tenants.registry();
        this.appClients = tenants.appClients();
        this.apiKeys = tenants.apiKeys();
        this.repair = repair;
    }

    public Report run() {
        appClientIds = new TreeSet<>(appClients.all());
        keys = apiKeys.ours();
        registry.everything(tenant -> tenantRecords.put(tenant.tenantId(), tenant),
                client -> clientRecords.put(client.clientId(), client));
        plans = apiKeys.usagePlans();
        for (UsagePlan plan : plans.values()) {
            for (String keyId : apiKeys.keysIn(plan)) {
                keyPlans.computeIfAbsent(keyId, id -> new TreeSet<>()).add(plan.name());
            }
        }
        int tenantCount = tenantRecords.size();
        int clientCount = clientRecords.size();
        int appClientCount = appClientIds.size();
        int keyCount = keys.size();
        legacyTenants();
        pendingCommands();
        clientRecordsWithoutTenantOrNotListed();
        clientRecordsWithoutAppClient();
        clientIdsWithoutRecord();
        orphanAppClients();
        orphanApiKeys();
        tenantsWithoutApiKey();
        apiKeysInTheWrongUsagePlans();
        tenantsWithoutClients();
        return new Report(repair, tenantCount, clientCount, appClientCount, keyCount, List.copyOf(findings));
    }

    private void legacyTenants() {
        Map<String, List<ClientRecord>> legacy = clientRecords.values().stream()
                .filter(client -> client.legacy() && client.tenantId() != null
                        && !tenantRecords.containsKey(client.tenantId()))
                .collect(Collectors.groupingBy(ClientRecord::tenantId, TreeMap::new, Collectors.toList()));
        legacy.forEach((tenantId, clients) -> {
            boolean suspended = clients.stream()
                    .anyMatch(client -> TenantRegistryTable.SUSPENDED.equals(client.legacyStatus()));
            String status = suspended ? TenantRegistryTable.SUSPENDED : TenantRegistryTable.ACTIVE;
            String detail = clients.size() + " client record(s) from before tenant records and no tenant record (its"
                    + " clients get no token until it is upgraded)";
            String action = "tenant record written (" + status + ", plan " + Plan.DEFAULT_PLAN + ", "
                    + clients.size() + " client(s))";
            if (clients.size() >= 100) {
                report("legacy-tenant", tenantId, detail + "; more than 99 clients: upgrade it by hand", null);
                return;
            }
            fix("legacy-tenant", tenantId, detail, action, () -> {
                String createdAt = clients.stream().map(ClientRecord::createdAt).filter(value -> value != null)
                        .min(Comparator.naturalOrder()).orElse(tenants.now());
                Set<String> ids = clients.stream().map(ClientRecord::clientId).collect(Collectors.toSet());
                if (!registry.upgradeLegacy(tenantId, status, Plan.DEFAULT_PLAN, createdAt, ids, tenants.now())) {
                    return false;
                }
                reread(tenantId);
                ids.forEach(id -> registry.client(id).ifPresent(client -> clientRecords.put(id, client)));
                return true;
            });
        });
    }

    private void pendingCommands() {
        for (TenantRecord tenant : List.copyOf(tenantRecords.values())) {
            if (!tenant.pending()) {
                continue;
            }
            String detail = "a " + tenant.pendingOperation() + " under way since " + tenant.pendingSince()
                    + " (interrupted, or running now)";
            String action = switch (String.valueOf(tenant.pendingOperation())) {
                case "add" -> "taken over and rolled back: the unfinished tenant record deleted";
                case "plan" -> "taken over and finished: plan " + tenant.pendingPlan();
                default -> "taken over and rolled back: no client added";
            };
            fix("pending-command", tenant.tenantId(), detail, action, () -> {
                String mine = Tenants.newId();
                if (!registry.takeOver(tenant.tenantId(), tenant.pendingId(), mine)) {
                    reread(tenant.tenantId());
                    return false;
                }
                boolean done = switch (String.valueOf(tenant.pendingOperation())) {
                    case "add" -> registry.deletePendingAdd(tenant.tenantId(), mine);
                    case "plan" -> finishPlan(tenant, mine);
                    default -> registry.clearPending(tenant.tenantId(), mine, tenants.now());
                };
                reread(tenant.tenantId());
                return done;
            });
        }
    }

    private boolean finishPlan(TenantRecord tenant, String mine) {
        UsagePlan to = plans.get(tenant.pendingPlan());
        if (to == null || tenant.apiKeyId() == null) {
            return registry.clearPending(tenant.tenantId(), mine, tenants.now());
        }
        moveKey(tenant.apiKeyId(), to);
        return registry.commitPlan(tenant.tenantId(), mine, to.name(), tenants.now());
    }

    private void clientRecordsWithoutTenantOrNotListed() {
        for (ClientRecord client : List.copyOf(clientRecords.values())) {
            TenantRecord tenant = tenantRecords.get(client.tenantId());
            if (tenant == null && !client.legacy()) {
                fix("client-without-tenant", "client " + client.clientId(), "names tenant " + client.tenantId()
                        + ", which has no tenant record", "client record and app client deleted", () -> {
                            if (registry.tenant(client.tenantId()).isPresent()) {
                                return false;
                            }
                            if (!registry.deleteClient(client.clientId(), client.tenantId())) {
                                return false;
                            }
                            appClients.delete(client.clientId());
                            clientRecords.remove(client.clientId());
                            appClientIds.remove(client.clientId());
                            return true;
                        });
            } else if (tenant != null && !tenant.clientIds().contains(client.clientId())) {
                fix("client-not-listed", "client " + client.clientId(), "belongs to tenant " + tenant.tenantId()
                        + " but its record does not list it (tenants remove would leave it)",
                        "added to the tenant's clientIds", () -> {
                            TenantRecord now = reread(tenant.tenantId());
                            return now != null && !now.clientIds().contains(client.clientId())
                                    && registry.addClientIds(now, Set.of(client.clientId()), tenants.now())
                                    && reread(tenant.tenantId()) != null;
                        });
            }
        }
    }

    private void clientRecordsWithoutAppClient() {
        for (ClientRecord client : List.copyOf(clientRecords.values())) {
            TenantRecord tenant = tenantRecords.get(client.tenantId());
            if (tenant == null || appClientIds.contains(client.clientId()) || appClients.exists(client.clientId())) {
                continue;
            }
            fix("client-without-app-client", "client " + client.clientId(), "of tenant " + tenant.tenantId()
                    + " has no app client in the user pool", "client record deleted and dropped from the tenant",
                    () -> {
                        TenantRecord now = reread(tenant.tenantId());
                        if (now == null) {
                            return false;
                        }
                        boolean done = now.clientIds().contains(client.clientId())
                                ? registry.removeClient(now, client.clientId(), tenants.now())
                                : registry.deleteClient(client.clientId(), tenant.tenantId());
                        if (done) {
                            clientRecords.remove(client.clientId());
                            reread(tenant.tenantId());
                        }
                        return done;
                    });
        }
    }

    private void clientIdsWithoutRecord() {
        for (TenantRecord tenant : List.copyOf(tenantRecords.values())) {
            Set<String> missing = new TreeSet<>(tenant.clientIds());
            missing.removeAll(clientRecords.keySet());
            if (missing.isEmpty()) {
                continue;
            }
            missing.removeAll(registry.clients(missing).keySet());
            if (missing.isEmpty()) {
                continue;
            }
            fix("missing-client-record", tenant.tenantId(), "lists client(s) " + String.join(", ", missing)
                    + " without a client record", "dropped from its clientIds", () -> {
                        TenantRecord now = reread(tenant.tenantId());
                        return now != null && registry.dropClientIds(now, missing, tenants.now())
                                && reread(tenant.tenantId()) != null;
                    });
        }
    }

    private void orphanAppClients() {
        for (String clientId : List.copyOf(appClientIds)) {
            if (clientRecords.containsKey(clientId)) {
                continue;
            }
            // After the take-over no command of the scan's time can still commit it: read once more, consistently.
            Optional<ClientRecord> registered = registry.client(clientId);
            if (registered.isPresent()) {
                clientRecords.put(clientId, registered.get());
                continue;
            }
            fix("orphan-app-client", "app client " + clientId, "in the user pool without a registry record (it gets"
                    + " no token)", "deleted", () -> {
                        if (registry.client(clientId).isPresent()) {
                            return false;
                        }
                        appClients.delete(clientId);
                        appClientIds.remove(clientId);
                        return true;
                    });
        }
    }

    private void orphanApiKeys() {
        Set<String> referenced = tenantRecords.values().stream().map(TenantRecord::apiKeyId)
                .filter(id -> id != null).collect(Collectors.toSet());
        for (ApiKey key : List.copyOf(keys.values())) {
            if (referenced.contains(key.id())) {
                continue;
            }
            fix("orphan-api-key", "API key " + key.id(), "(" + key.name() + ") belongs to no tenant record",
                    "deleted", () -> {
                        apiKeys.delete(key.id());
                        keys.remove(key.id());
                        keyPlans.remove(key.id());
                        return true;
                    });
        }
    }

    private void tenantsWithoutApiKey() {
        Map<String, ApiKey> listedAgain = null;
        for (TenantRecord tenant : List.copyOf(tenantRecords.values())) {
            if (tenant.pending() || tenant.apiKeyId() != null && keys.containsKey(tenant.apiKeyId())) {
                continue;
            }
            if (tenant.apiKeyId() != null) {
                // Added after the key listing (its add attached the key itself)? List once more before judging.
                listedAgain = listedAgain == null ? apiKeys.ours() : listedAgain;
                if (listedAgain.containsKey(tenant.apiKeyId())) {
                    keys.put(tenant.apiKeyId(), listedAgain.get(tenant.apiKeyId()));
                    keysListedLate.add(tenant.apiKeyId());
                    continue;
                }
            }
            UsagePlan plan = plans.get(tenant.plan());
            String detail = tenant.apiKeyId() == null ? "has no API key (its calls are refused at the edge)"
                    : "names API key " + tenant.apiKeyId() + ", which API Gateway does not have";
            if (plan == null) {
                report("tenant-without-api-key", tenant.tenantId(), detail + "; its plan " + tenant.plan()
                        + " has no usage plan here: tenants plan " + tenant.tenantId() + " PLAN", null);
                continue;
            }
            fix(tenant.apiKeyId() == null ? "tenant-without-api-key" : "api-key-missing", tenant.tenantId(), detail,
                    "API key created in usage plan " + plan.name(), () -> {
                        ApiKey key = apiKeys.create(tenant.tenantId());
                        apiKeys.attach(plan, key.id());
                        if (!registry.setApiKey(tenant.tenantId(), tenant.apiKeyId(), key.id(), key.value(),
                                tenants.now())) {
                            apiKeys.delete(key.id());
                            reread(tenant.tenantId());
                            return false;
                        }
                        keys.put(key.id(), new ApiKey(key.id(), key.name(), null));
                        keyPlans.put(key.id(), new TreeSet<>(Set.of(plan.name())));
                        reread(tenant.tenantId());
                        return true;
                    });
        }
    }

    private void apiKeysInTheWrongUsagePlans() {
        for (TenantRecord tenant : List.copyOf(tenantRecords.values())) {
            if (tenant.pending() || tenant.apiKeyId() == null || !keys.containsKey(tenant.apiKeyId())
                    || keysListedLate.contains(tenant.apiKeyId())) {
                continue;
            }
            Set<String> in = keyPlans.getOrDefault(tenant.apiKeyId(), Set.of());
            UsagePlan plan = plans.get(tenant.plan());
            if (plan == null) {
                report("plan-without-usage-plan", tenant.tenantId(), "its plan " + tenant.plan() + " has no usage"
                        + " plan here (plans: " + String.join(", ", plans.keySet()) + "): tenants plan "
                        + tenant.tenantId() + " PLAN", null);
                continue;
            }
            if (in.equals(Set.of(plan.name()))) {
                continue;
            }
            fix("api-key-plan", tenant.tenantId(), "API key " + tenant.apiKeyId() + " is in usage plan(s) "
                    + (in.isEmpty() ? "none" : String.join(", ", in)) + ", not just " + plan.name(),
                    "moved to usage plan " + plan.name(), () -> {
                        moveKey(tenant.apiKeyId(), plan);
                        return true;
                    });
        }
    }

    private void tenantsWithoutClients() {
        for (TenantRecord tenant : tenantRecords.values()) {
            if (!tenant.pending() && tenant.clientIds().isEmpty()) {
                report("tenant-without-clients", tenant.tenantId(), "has no client: tenants rotate "
                        + tenant.tenantId() + " gives it one (or tenants remove " + tenant.tenantId() + ")", null);
            }
        }
    }

    /** The key in {@code to}'s usage plan and no other of this target's. */
    private void moveKey(String keyId, UsagePlan to) {
        for (String name : Set.copyOf(keyPlans.getOrDefault(keyId, Set.of()))) {
            if (!name.equals(to.name()) && plans.containsKey(name)) {
                apiKeys.detach(plans.get(name), keyId);
            }
        }
        apiKeys.attach(to, keyId);
        keyPlans.put(keyId, new TreeSet<>(Set.of(to.name())));
    }

    private TenantRecord reread(String tenantId) {
        Optional<TenantRecord> now = registry.tenant(tenantId);
        if (now.isPresent()) {
            tenantRecords.put(tenantId, now.get());
            return now.get();
        }
        tenantRecords.remove(tenantId);
        return null;
    }

    private void report(String kind, String subject, String detail, String action) {
        findings.add(new Finding(kind, subject, detail, action, false));
    }

    /** Reports it; with repair, fixes it ({@code fix} answers false when the state changed meanwhile). */
    private void fix(String kind, String subject, String detail, String action, Repair fix) {
        if (!repair) {
            report(kind, subject, detail, action);
            return;
        }
        boolean done = fix.run();
        findings.add(new Finding(kind, subject, detail, done ? action
                : "changed by another command meanwhile: run tenants check again", done));
    }

    @FunctionalInterface
    private interface Repair {
        boolean run();
    }
}
