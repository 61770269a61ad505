package invoicegroups.ops.tenants;

import static invoicegroups.table.TenantRegistryTable.ACTIVE;
import static invoicegroups.table.TenantRegistryTable.SUSPENDED;

import invoicegroups.ops.backoff.Backoff;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.deployment.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tenant operations: an app client per credential in the user pool, an entry per client in the registry. Every
 * operation leaves both consistent, or says which client is left over.
 */
public final class Tenants {

    private final AppClients clients;
    private final TenantRegistry registry;
    private final Clock clock;

    public Tenants(Target target, Backoff backoff, Clock clock) {
        this.clients = new AppClients(target, backoff);
        this.registry = new TenantRegistry(target);
        this.clock = clock;
    }

    /** Whether the tenant has any registered client. */
    public boolean exists(String tenantId) {
        return !registry.clientsOf(tenantId).isEmpty();
    }

    /** A new tenant: its first app client, registered active. An existing tenant is a {@link CommandFailure}. */
    public NewClient add(String tenantId) {
        if (exists(tenantId)) {
            throw CommandFailure.conflict("tenant " + tenantId + " already exists (see tenants list; "
                    + "tenants rotate " + tenantId + " gives it another secret)");
        }
        return newClient(tenantId, ACTIVE);
    }

    /**
     * A second app client and secret for an existing tenant, with the tenant's status; the old clients stay valid
     * until {@code tenants remove-client}, so callers switch secrets without downtime.
     *
     * @return the new client and the ids of the ones from before
     */
    public Rotation rotate(String tenantId) {
        List<RegisteredClient> before = existing(tenantId);
        String status = before.stream().anyMatch(client -> SUSPENDED.equals(client.status())) ? SUSPENDED : ACTIVE;
        NewClient created = newClient(tenantId, status);
        return new Rotation(created, before.stream().map(RegisteredClient::clientId).sorted().toList());
    }

    /** @return how many clients the tenant has, all now {@code status} */
    public int setStatus(String tenantId, String status) {
        List<RegisteredClient> all = existing(tenantId);
        for (RegisteredClient client : all) {
            registry.setStatus(client.clientId(), status);
        }
        return all.size();
    }

    /** Removes one client of a tenant that has others; the tenant's last client goes only with the tenant. */
    public RegisteredClient removeClient(String clientId) {
        RegisteredClient client = registry.client(clientId).orElseThrow(() -> CommandFailure.notFound(
                "client " + clientId + " is not in the tenant registry"));
        List<RegisteredClient> siblings = registry.clientsOf(client.tenantId());
        if (siblings.stream().noneMatch(other -> !other.clientId().equals(clientId))) {
            throw CommandFailure.conflict("client " + clientId + " is tenant " + client.tenantId()
                    + "'s last client: use tenants remove " + client.tenantId() + " to remove the tenant");
        }
        clients.delete(clientId);
        registry.remove(clientId);
        return client;
    }

    /**
     * Removes the tenant's clients from the user pool and the registry: no new tokens for it. Its invoice groups
     * stay in the table.
     *
     * @return how many clients it had
     */
    public int remove(String tenantId) {
        List<RegisteredClient> all = existing(tenantId);
        for (RegisteredClient client : all) {
            // Cognito first: a re-run after a failure finds the registry entry and finishes the job.
            clients.delete(client.clientId());
            registry.remove(client.clientId());
        }
        return all.size();
    }

    /** One line per tenant, sorted by tenant id. */
    public List<TenantSummary> list() {
        Map<String, List<RegisteredClient>> byTenant = registry.all().stream()
                .collect(Collectors.groupingBy(RegisteredClient::tenantId, TreeMap::new, Collectors.toList()));
        return byTenant.entrySet().stream().map(entry -> TenantSummary.of(entry.getKey(), entry.getValue()))
                .toList();
    }

    private List<RegisteredClient> existing(String tenantId) {
        List<RegisteredClient> all = registry.clientsOf(tenantId);
        if (all.isEmpty()) {
            throw CommandFailure.notFound("tenant " + tenantId + " not found (see tenants list)");
        }
        return all;
    }

    private NewClient newClient(String tenantId, String status) {
        NewClient created = clients.create(tenantId);
        String createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        try {
            registry.register(new RegisteredClient(created.clientId(), tenantId, status, createdAt));
        } catch (CommandFailure registryFailed) {
            // Nothing half-made: a client the registry does not know gets no token, but it would be left over.
            try {
                clients.delete(created.clientId());
            } catch (CommandFailure deleteFailed) {
                throw CommandFailure.unavailable(registryFailed.getMessage() + "; app client " + created.clientId()
                        + " is left in the user pool unregistered (it gets no tokens): delete it in the console");
            }
            throw registryFailed;
        }
        return created;
    }

    /** A rotation's outcome: the new client, and the clients that stay valid until removed. */
    public record Rotation(NewClient created, List<String> previousClientIds) {
    }

    /** A tenant as {@code tenants list} shows it. */
    public record TenantSummary(String tenantId, String status, int clients, String createdAt) {

        static TenantSummary of(String tenantId, List<RegisteredClient> clients) {
            List<String> statuses = clients.stream().map(RegisteredClient::status).distinct().sorted().toList();
            String status = statuses.size() == 1 ? statuses.get(0) : String.join("+", statuses);
            String createdAt = clients.stream().map(RegisteredClient::createdAt)
                    .min(Comparator.naturalOrder()).orElse("");
            return new TenantSummary(tenantId, status, clients.size(), createdAt);
        }
    }
}
