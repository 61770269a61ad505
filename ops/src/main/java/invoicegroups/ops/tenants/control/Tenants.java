package invoicegroups.ops.tenants.control;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.deployment.Target;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.tenants.aws.ApiKeys;
import invoicegroups.ops.tenants.aws.AppClients;
import invoicegroups.ops.tenants.aws.TenantRegistry;
import invoicegroups.ops.tenants.entity.ApiKey;
import invoicegroups.ops.tenants.entity.ClientRecord;
import invoicegroups.ops.tenants.entity.NewClient;
import invoicegroups.ops.tenants.entity.TenantRecord;
import invoicegroups.ops.tenants.entity.UsagePlan;
import invoicegroups.table.TenantRegistryTable;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant commands' protocols (DESIGN.md, "Command protocols"): each multi-step command marks the tenant record
 * with a random id of its own before it creates anything, and commits only while the record still carries that id;
 * a command that loses (another one removed the tenant, or {@code tenants check --repair} took it over) undoes what
 * it made. A failure half-way undoes what it can and says what it left and that {@code tenants check --repair}
 * cleans it. Every step passes {@link Environment.Steps}, where a test can stop the command as a crash would.
 */
public final class Tenants {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REPAIR = "; tenants check --repair cleans it";

    private final Target target;
    private final Environment environment;
    private final TenantRegistry registry;
    private final AppClients appClients;
    private final ApiKeys apiKeys;

    public Tenants(Target target, Environment environment) {
        this.target = target;
        this.environment = environment;
        this.registry = new TenantRegistry(target);
        this.appClients = new AppClients(target);
        this.apiKeys = new ApiKeys(target);
    }

    public TenantRegistry registry() {
        return registry;
    }

    public AppClients appClients() {
        return appClients;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** A new tenant with its first client, credentials shown once. */
    public record Added(NewClient client, String plan) {
    }

    /** A rotation's outcome: the new client, and the clients that stay valid until removed. */
    public record Rotation(NewClient created, List<String> previousClientIds) {
    }

    /**
     * add T: the pending tenant record (the tenant id is taken or not, atomically), the API key in the plan's usage
     * plan, the app client, then one transaction: the client record and the tenant record's key and client.
     *
     * @param plans the target's usage plans by name (read once for a bulk run)
     */
    public Added add(String tenantId, String plan, Map<String, UsagePlan> plans) {
        UsagePlan usagePlan = ApiKeys.require(plans, plan, target.where());
        String op = newId();
        String now = now();
        if (!registry.putPendingAdd(tenantId, plan, op, now)) {
            throw exists(tenantId);
        }
        passed("add", "registered");
        ApiKey key = null;
        NewClient client = null;
        boolean committed;
        try {
            key = apiKeys.create(tenantId);
            passed("add", "api-key-created");
            apiKeys.attach(usagePlan, key.id());
            passed("add", "api-key-attached");
            client = appClients.create(tenantId);
            passed("add", "app-client-created");
            committed = registry.commitAdd(tenantId, op, new ClientRecord(client.clientId(), tenantId, now(), null),
                    key.id(), key.value(), now());
        } catch (RuntimeException failed) {
            throw undoAdd(tenantId, op, key, client, failed);
        }
        if (!committed) {
            List<String> left = new ArrayList<>();
            deleteQuietly(client, key, left);
            throw CommandFailure.conflict("tenant " + tenantId + " was removed or taken over by tenants check --repair"
                    + " while it was being added: nothing was added" + leftover(left));
        }
        passed("add", "committed");
        return new Added(client, plan);
    }

    /**
     * rotate T: marks the rotation on the version read, creates the app client, commits it into the tenant's
     * clientIds while the rotation is still its own.
     */
    public Rotation rotate(String tenantId) {
        TenantRecord tenant = existing(tenantId);
        passed("rotate", "read");
        refusePending(tenant);
        if (tenant.clientIds().size() >= TenantRegistryTable.MAX_CLIENTS_PER_TENANT) {
            throw CommandFailure.conflict("tenant " + tenantId + " has " + tenant.clientIds().size()
                    + " clients, the most a tenant may have: remove one first (tenants remove-client CLIENT_ID)");
        }
        String op = newId();
        if (!registry.markPending(tenantId, tenant.version(), "rotate", op, null, now())) {
            throw changedMeanwhile(tenantId, "nothing was changed");
        }
        passed("rotate", "marked");
        NewClient client = null;
        boolean committed;
        try {
            client = appClients.create(tenantId);
            passed("rotate", "app-client-created");
            committed = registry.commitRotate(tenantId, op,
                    new ClientRecord(client.clientId(), tenantId, now(), null), now());
        } catch (RuntimeException failed) {
            throw undoPending(tenantId, op, client, failed);
        }
        if (!committed) {
            List<String> left = new ArrayList<>();
            deleteQuietly(client, null, left);
            throw CommandFailure.conflict("tenant " + tenantId + " was removed or taken over by tenants check --repair"
                    + " during the rotation: no client was added" + leftover(left));
        }
        passed("rotate", "committed");
        return new Rotation(client, List.copyOf(tenant.sortedClientIds()));
    }

    /** suspend or resume T: one conditional update, never blocked by a command under way. @return the record after */
    public TenantRecord setStatus(String tenantId, String status) {
        return registry.setStatus(tenantId, status, now()).orElseThrow(() -> notFound(tenantId));
    }

    /**
     * plan T P: marks the move on the version read (with the plan it moves to), moves the API key from the old
     * plan's usage plan to the new one's, commits the plan while the move is still its own.
     *
     * @return false if the tenant was on that plan already
     */
    public boolean plan(String tenantId, String plan) {
        Map<String, UsagePlan> plans = apiKeys.usagePlans();
        UsagePlan to = ApiKeys.require(plans, plan, target.where());
        TenantRecord tenant = existing(tenantId);
        refusePending(tenant);
        if (plan.equals(tenant.plan())) {
            return false;
        }
        if (tenant.apiKeyId() == null) {
            throw CommandFailure.conflict("tenant " + tenantId + " has no API key yet: tenants check --repair gives it"
                    + " one");
        }
        UsagePlan from = plans.get(tenant.plan());
        String op = newId();
        if (!registry.markPending(tenantId, tenant.version(), "plan", op, plan, now())) {
            throw changedMeanwhile(tenantId, "its plan is unchanged");
        }
        passed("plan", "marked");
        boolean committed;
        try {
            if (from != null) {
                // One usage plan per key and stage: out of the old one first (API Gateway refuses a second).
                apiKeys.detach(from, tenant.apiKeyId());
                passed("plan", "api-key-detached");
            }
            apiKeys.attach(to, tenant.apiKeyId());
            passed("plan", "api-key-attached");
            committed = registry.commitPlan(tenantId, op, plan, now());
        } catch (RuntimeException failed) {
            throw failed instanceof CommandFailure failure
                    ? failure.withContext("; tenant " + tenantId + " is left with a pending plan change"
                            + " to " + plan + ": tenants check --repair finishes it")
                    : failed;
        }
        if (!committed) {
            Optional<TenantRecord> now = registry.tenant(tenantId);
            if (now.isPresent() && plan.equals(now.get().plan()) && !now.get().pending()) {
                return true; // tenants check --repair took the move over and finished it
            }
            throw CommandFailure.conflict("tenant " + tenantId + " was removed or taken over by tenants check"
                    + " --repair during the plan change: see tenants show " + tenantId);
        }
        passed("plan", "committed");
        return true;
    }

    /** remove-client C: registry first (one transaction), then the app client. @return the removed client */
    public ClientRecord removeClient(String clientId) {
        Optional<ClientRecord> found = registry.client(clientId);
        if (found.isEmpty()) {
            String orphan = appClients.exists(clientId) ? "; the user pool has an app client " + clientId
                    + " without a registry record (it gets no token): tenants check --repair deletes it" : "";
            throw CommandFailure.notFound("client " + clientId + " is not in the tenant registry" + orphan);
        }
        ClientRecord client = found.get();
        TenantRecord tenant = registry.tenant(client.tenantId()).orElseThrow(() -> CommandFailure.conflict(
                "client " + clientId + " names tenant " + client.tenantId() + ", which has no tenant record"
                        + " (a registry from before tenant records, or left by a crash): run tenants check --repair"));
        if (!tenant.clientIds().contains(clientId)) {
            throw CommandFailure.conflict("tenant " + tenant.tenantId() + " does not list client " + clientId
                    + ": run tenants check --repair");
        }
        passed("remove-client", "read");
        if (tenant.clientIds().size() == 1) {
            throw CommandFailure.conflict("client " + clientId + " is tenant " + tenant.tenantId()
                    + "'s last client: use tenants remove " + tenant.tenantId() + " to remove the tenant");
        }
        if (!registry.removeClient(tenant, clientId, now())) {
            throw changedMeanwhile(tenant.tenantId(), "client " + clientId + " was not removed");
        }
        passed("remove-client", "unregistered");
        try {
            appClients.delete(clientId);
        } catch (CommandFailure failed) {
            throw failed.withContext("; client " + clientId + " is unregistered (it gets no token and no call) but"
                    + " its app client is left in the user pool" + REPAIR);
        }
        passed("remove-client", "app-client-deleted");
        return client;
    }

    /**
     * remove T: one transaction deletes the tenant record (on the version read) and its client records; then its
     * app clients and API key go. A command under way on the tenant loses: its commit fails and it undoes itself.
     */
    public TenantRecord remove(String tenantId) {
        TenantRecord tenant = existing(tenantId);
        passed("remove", "read");
        if (!registry.removeTenant(tenant)) {
            throw changedMeanwhile(tenantId, "nothing was removed");
        }
        passed("remove", "unregistered");
        List<String> left = new ArrayList<>();
        CommandFailure first = null;
        for (String clientId : tenant.sortedClientIds()) {
            try {
                appClients.delete(clientId);
                passed("remove", "app-client-deleted");
            } catch (CommandFailure failed) {
                first = first == null ? failed : first;
                left.add("app client " + clientId);
            }
        }
        if (tenant.apiKeyId() != null) {
            try {
                apiKeys.delete(tenant.apiKeyId());
                passed("remove", "api-key-deleted");
            } catch (CommandFailure failed) {
                first = first == null ? failed : first;
                left.add("API key " + tenant.apiKeyId());
            }
        }
        if (first != null) {
            throw first.withContext("; tenant " + tenantId + " is unregistered (no token, no call) but "
                    + String.join(" and ", left) + " are left" + REPAIR);
        }
        return tenant;
    }

    public TenantRecord existing(String tenantId) {
        return registry.tenant(tenantId).orElseThrow(() -> notFound(tenantId));
    }

    // ---- undo ----

    private CommandFailure undoAdd(String tenantId, String op, ApiKey key, NewClient client, RuntimeException failed) {
        List<String> left = new ArrayList<>();
        deleteQuietly(client, key, left);
        try {
            registry.deletePendingAdd(tenantId, op);
        } catch (CommandFailure undoFailed) {
            left.add("the pending tenant record " + tenantId);
        }
        return asFailure(failed).withContext(left.isEmpty() ? "; nothing was added"
                : "; left: " + String.join(", ", left) + REPAIR);
    }

    private CommandFailure undoPending(String tenantId, String op, NewClient client, RuntimeException failed) {
        List<String> left = new ArrayList<>();
        deleteQuietly(client, null, left);
        try {
            registry.clearPending(tenantId, op, now());
        } catch (CommandFailure undoFailed) {
            left.add("a pending rotation on tenant " + tenantId);
        }
        return asFailure(failed).withContext(left.isEmpty() ? "; no client was added"
                : "; left: " + String.join(", ", left) + REPAIR);
    }

    private void deleteQuietly(NewClient client, ApiKey key, List<String> left) {
        if (client != null) {
            try {
                appClients.delete(client.clientId());
            } catch (CommandFailure e) {
                left.add("app client " + client.clientId());
            }
        }
        if (key != null) {
            try {
                apiKeys.delete(key.id());
            } catch (CommandFailure e) {
                left.add("API key " + key.id());
            }
        }
    }

    private static String leftover(List<String> left) {
        return left.isEmpty() ? "" : "; left: " + String.join(", ", left) + REPAIR;
    }

    private static CommandFailure asFailure(RuntimeException e) {
        if (e instanceof CommandFailure failure) {
            return failure;
        }
        throw e;
    }

    // ---- messages ----

    private CommandFailure exists(String tenantId) {
        Optional<TenantRecord> existing = registry.tenant(tenantId);
        if (existing.isPresent() && "add".equals(existing.get().pendingOperation())) {
            return CommandFailure.conflict("tenant " + tenantId + " is being added by another command since "
                    + existing.get().pendingSince() + " (if none is running any more: tenants check --repair)");
        }
        return CommandFailure.conflict("tenant " + tenantId + " already exists (see tenants show " + tenantId
                + "; tenants rotate " + tenantId + " gives it another secret)");
    }

    private static void refusePending(TenantRecord tenant) {
        if (tenant.pending()) {
            throw CommandFailure.conflict("tenant " + tenant.tenantId() + " has a " + tenant.pendingOperation()
                    + " under way since " + tenant.pendingSince() + " (another command is changing it; if none is"
                    + " running any more: tenants check --repair)");
        }
    }

    private static CommandFailure changedMeanwhile(String tenantId, String outcome) {
        return CommandFailure.conflict("tenant " + tenantId + " was changed by another command at the same time: "
                + outcome + "; try again");
    }

    private static CommandFailure notFound(String tenantId) {
        return CommandFailure.notFound("tenant " + tenantId + " not found (see tenants list)");
    }

    private void passed(String command, String step) {
        environment.steps().passed(command, step);
    }

    String now() {
        return Instant.now(environment.clock()).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
