package invoicegroups.ops.cli;

import invoicegroups.ops.deployment.Retries;
import invoicegroups.ops.deployment.Target;
import invoicegroups.ops.deployment.Targets;
import picocli.CommandLine.Option;

/** The target options every command that reaches AWS or the local runner takes, read the same way everywhere. */
public final class TargetOptions {

    @Option(names = "--stack", paramLabel = "NAME", description = "the deployed stack (default: "
            + Targets.DEFAULT_STACK + "): user pool, tenant registry, table and REST API from its outputs; credentials"
            + " and region from the AWS default chains")
    String stack;

    @Option(names = "--region", paramLabel = "REGION", description = "the stack's region (default: AWS_REGION or"
            + " the profile's)")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", description = "the local runner instead, e.g."
            + " http://localhost:8080 (no AWS credentials are read)")
    String endpoint;

    public Target resolve(Retries retries) {
        return Targets.resolve(stack, region, endpoint, retries);
    }
}
