package invoicegroups.infra;

import invoicegroups.table.EnvironmentVariables;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The REST API's Lambda TOKEN authorizer from the authorizer module: verifies the access token against the user
 * pool's JWKS (issuer {@code JWT_ISSUER}), then reads the caller's client record and tenant record in one consistent
 * BatchGetItem, and answers Allow (the tenant's context and API key as usageIdentifierKey), Deny or Unauthorized.
 * Its role may BatchGetItem the registry and write its own logs, nothing else; the JWKS is public.
 */
final class AuthorizerFunction {

    static final String HANDLER = "invoicegroups.authorizer.TokenAuthorizer::handleRequest";
    /** The one DynamoDB action the authorizer performs: one consistent BatchGetItem of two keys. */
    static final String BATCH_GET_ITEM_ACTION = "dynamodb:BatchGetItem";
    /** The memory the authorizer's cold start was measured with (BENCHMARKS.md: median 840 ms at 512 MB's JVM sizing). */
    static final int MEMORY_MB = 512;
    /**
     * API Gateway waits about 10 s for an authorizer; the authorizer's own worst case (cold start, one JWKS fetch,
     * the registry read with retries) is about 5 s, so a hung dependency ends in its own failure first.
     */
    static final int TIMEOUT_SECONDS = 8;

    private AuthorizerFunction() {
    }

    /** @param issuer the pool's issuer, {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}, no trailing slash */
    static SnapStartFunction create(Construct scope, String id, Settings settings, ITableV2 registry, String issuer) {
        return new SnapStartFunction(scope, id, settings, new SnapStartFunction.Spec(
                "REST API Lambda authorizer",
                "REST API TOKEN authorizer: verifies the pool's access token, reads the tenant registry, returns the tenant's API key",
                Artifacts.authorizerCode(),
                HANDLER,
                MEMORY_MB,
                TIMEOUT_SECONDS,
                Map.of(EnvironmentVariables.JWT_ISSUER, issuer,
                        EnvironmentVariables.TENANT_REGISTRY_TABLE, registry.getTableName(),
                        EnvironmentVariables.TENANT_CLAIM, settings.tenantClaim()),
                settings.reservedConcurrency().authorizer(),
                false,
                "The published version the REST API's authorizer invokes",
                List.of(PolicyStatement.Builder.create()
                        .sid("ReadTenantRegistry")
                        .actions(List.of(BATCH_GET_ITEM_ACTION))
                        .resources(List.of(registry.getTableArn()))
                        .build())));
    }
}
