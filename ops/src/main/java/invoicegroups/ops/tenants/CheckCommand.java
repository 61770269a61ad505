package invoicegroups.ops.tenants;

import invoicegroups.ops.cli.Environment;
import invoicegroups.ops.cli.OutputOption;
import invoicegroups.ops.tenants.control.Check;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code tenants check [--repair]}: what a crash, an interrupted command or an older version left, and its fix. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compares the user pool's app clients, the target's API keys and usage plans, and the"
                + " registry; reports legacy tenants, commands under way or interrupted, orphan app clients and API"
                + " keys, client records without tenant or app client, tenants without API key or client, API keys"
                + " in the wrong usage plan. One line per finding; exit status 0.",
                "--repair fixes each (idempotent: a second --repair changes nothing). Run it after a crash, and once"
                        + " after upgrading from a registry without tenant records."})
final class CheckCommand extends TenantCommand {

    @Mixin
    OutputOption output;

    @Option(names = "--repair", description = "fix what is found (takes over commands under way: they undo"
            + " themselves)")
    boolean repair;

    CheckCommand(Environment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        Check.Report report = withTenants(tenants -> new Check(tenants, repair).run());
        if (output.json()) {
            ObjectNode node = object().put("repair", report.repair()).put("tenants", report.tenants())
                    .put("clientRecords", report.clientRecords()).put("appClients", report.appClients())
                    .put("apiKeys", report.apiKeys());
            ArrayNode findings = node.putArray("findings");
            for (Check.Finding finding : report.findings()) {
                findings.addObject().put("kind", finding.kind()).put("subject", finding.subject())
                        .put("detail", finding.detail()).put("action", finding.action())
                        .put("repaired", finding.repaired());
            }
            printJson(node);
        } else {
            report.findings().forEach(finding -> out().println(finding.line()));
        }
        err().println("checked " + report.tenants() + " tenants, " + report.clientRecords() + " client records, "
                + report.appClients() + " app clients, " + report.apiKeys() + " API keys: "
                + (report.findings().isEmpty() ? "all consistent"
                        : report.findings().size() + " finding(s)" + (repair ? ", " + report.repaired() + " repaired"
                                : report.findings().stream().anyMatch(f -> f.action() != null)
                                        ? "; tenants check --repair fixes them" : "")));
        return 0;
    }
}
