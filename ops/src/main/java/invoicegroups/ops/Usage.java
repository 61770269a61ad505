package invoicegroups.ops;

import invoicegroups.ops.dataimport.ImportCommand;
import invoicegroups.ops.deployment.Targets;
import invoicegroups.ops.tenants.TenantsCommand;

/** The text of {@code --help}. */
final class Usage {

    static final String TEXT = """
            usage: java -jar ops/target/invoice-groups-ops.jar <command> [target]

            commands:
            %s
            %s

            target (one of):
              --stack NAME                  the deployed stack (default %s): user pool, tenant registry and table
                                            from its outputs; credentials and region from the AWS default chains
              --region REGION               the stack's region (default: AWS_REGION or the profile's)
              --endpoint URL                the local runner, e.g. http://localhost:8080 (no AWS credentials used)

            exit status: 0 done, 1 service or network failure, 2 bad command line, 3 bad input file,
                         4 not found, 5 conflict (exists already, last client), 6 not allowed (credentials, IAM)
            """.formatted(TenantsCommand.USAGE.indent(2).stripTrailing(), ImportCommand.USAGE.indent(2).stripTrailing(),
                    Targets.DEFAULT_STACK);

    private Usage() {
    }
}
