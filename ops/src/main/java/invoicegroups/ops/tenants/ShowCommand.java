package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.cli.OutputOption;
import invoicegroups.ops.tenants.control.Tenants;
import invoicegroups.ops.tenants.entity.ClientRecord;
import invoicegroups.ops.tenants.entity.TenantRecord;
import invoicegroups.ops.tenants.entity.UsagePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code tenants show TENANT}: the tenant record, each client with its status, the plan's limits. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One tenant: status, plan and its limits, API key id, created and updated at, a command under"
                + " way, and each client (id, status, created at). A client's status is the tenant's, or what is"
                + " missing: no record, no app client.")
final class ShowCommand extends TenantCommand {

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "TENANT", description = "the tenant id")
    String tenant;

    ShowCommand(Environment environment) {
        super(environment);
    }

    /** One client as show reports it. */
    record Client(String clientId, String status, String createdAt) {
    }

    @Override
    public Integer call() {
        String id = tenantId(tenant);
        withTenants(tenants -> {
            TenantRecord record = tenants.existing(id);
            UsagePlan plan = tenants.apiKeys().usagePlans().get(record.plan());
            List<Client> clients = clients(tenants, record);
            if (output.json()) {
                print(record, plan, clients);
            } else {
                printText(record, plan, clients);
            }
            return null;
        });
        return 0;
    }

    private static List<Client> clients(Tenants tenants, TenantRecord record) {
        Map<String, ClientRecord> records = tenants.registry().clients(record.sortedClientIds());
        List<Client> clients = new ArrayList<>();
        for (String clientId : record.sortedClientIds()) {
            ClientRecord client = records.get(clientId);
            String status = client == null ? "no record (tenants check --repair)"
                    : !tenants.appClients().exists(clientId) ? "no app client (tenants check --repair)"
                    : record.status();
            clients.add(new Client(clientId, status, client == null ? null : client.createdAt()));
        }
        return clients;
    }

    private void print(TenantRecord record, UsagePlan plan, List<Client> clients) {
        ObjectNode node = ListCommand.json(record, plan);
        node.put("apiKeyId", record.apiKeyId());
        ArrayNode array = JSON.createArrayNode();
        for (Client client : clients) {
            array.addObject().put("clientId", client.clientId()).put("status", client.status())
                    .put("createdAt", client.createdAt());
        }
        node.set("clients", array); // the list's count becomes the clients themselves
        printJson(node);
    }

    private void printText(TenantRecord record, UsagePlan plan, List<Client> clients) {
        out().println("tenant\t" + record.tenantId());
        out().println("status\t" + record.status());
        out().println("plan\t" + record.plan() + " (" + (plan == null ? "no usage plan of that name on the target"
                : plan.limits()) + ")");
        out().println("api_key\t" + (record.apiKeyId() == null ? "none (tenants check --repair)" : record.apiKeyId()));
        out().println("created_at\t" + record.createdAt());
        out().println("updated_at\t" + record.updatedAt());
        out().println("pending\t" + ListCommand.pending(record));
        out().println("clients\t" + clients.size());
        for (Client client : clients) {
            out().println("client\t" + client.clientId() + "\t" + client.status() + "\t" + client.createdAt());
        }
    }
}
