package invoicegroups.tokencustomizer;

import invoicegroups.table.EnvironmentVariables;
import invoicegroups.table.TenantClaim;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The trigger's settings, read once from environment variables (see the README's configuration table).
 *
 * @param registryTableName the tenant registry table ({@code TENANT_REGISTRY_TABLE}, required)
 * @param tenantClaim the access-token claim to write ({@code TENANT_CLAIM}, default {@link TenantClaim#DEFAULT_NAME})
 * @param region the AWS region ({@code AWS_REGION}, set by Lambda)
 * @param dynamoDbEndpoint an endpoint override for DynamoDB Local ({@code DYNAMODB_ENDPOINT}, unset in AWS)
 */
record TriggerConfiguration(String registryTableName, String tenantClaim, Region region,
        Optional<URI> dynamoDbEndpoint) {

    static TriggerConfiguration fromEnvironment() {
        return from(System.getenv());
    }

    /** Fails fast, when Lambda creates the handler, on a missing or bad setting. */
    static TriggerConfiguration from(Map<String, String> variables) {
        EnvironmentVariables environment = new EnvironmentVariables(variables);
        return new TriggerConfiguration(
                environment.required(EnvironmentVariables.TENANT_REGISTRY_TABLE),
                environment.optional(EnvironmentVariables.TENANT_CLAIM).orElse(TenantClaim.DEFAULT_NAME),
                Region.of(environment.required("AWS_REGION")),
                environment.optional(EnvironmentVariables.DYNAMODB_ENDPOINT).map(URI::create));
    }

}
