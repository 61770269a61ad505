package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.cli.TargetOptions;
import invoicegroups.ops.deployment.Target;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.ops.tenants.control.Tenants;
import invoicegroups.table.TenantId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What every {@code tenants} sub-command shares: the target options, the run's environment, its streams. */
abstract class TenantCommand implements Callable<Integer> {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    final Environment environment;

    TenantCommand(Environment environment) {
        this.environment = environment;
    }

    /** Reaches the target, runs {@code action}, closes the target. */
    <T> T withTenants(Function<Tenants, T> action) {
        try (Target reached = target.resolve(environment.retries())) {
            return action.apply(new Tenants(reached, environment));
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(ObjectNode node) {
        out().println(JSON.writeValueAsString(node));
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** TENANT checked against the one tenant-id rule before anything is reached. */
    static String tenantId(String candidate) {
        if (!TenantId.isValid(candidate)) {
            throw CommandFailure.usage("TENANT must be a tenant id: " + TenantId.RULE);
        }
        return candidate;
    }

    static String clients(int count) {
        return count + " client" + (count == 1 ? "" : "s");
    }
}
