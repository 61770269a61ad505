package invoicegroups.authorizer;

import invoicegroups.table.EnvironmentVariables;
import invoicegroups.table.TenantClaim;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The authorizer's settings, read once from environment variables (see the README's configuration table).
 *
 * @param issuer the only accepted {@code iss}: the user pool's issuer, {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}
 *        ({@code JWT_ISSUER}, required)
 * @param jwksUri where the pool publishes its signing keys: the issuer + {@value #JWKS_PATH}
 * @param registryTableName the tenant registry table ({@code TENANT_REGISTRY_TABLE}, required)
 * @param tenantClaim the access-token claim the token trigger writes the tenant into ({@code TENANT_CLAIM}, default
 *        {@link TenantClaim#DEFAULT_NAME})
 * @param region the AWS region ({@code AWS_REGION}, set by Lambda)
 * @param dynamoDbEndpoint an endpoint override for DynamoDB Local ({@code DYNAMODB_ENDPOINT}, unset in AWS)
 */
public record AuthorizerConfiguration(String issuer, URI jwksUri, String registryTableName, String tenantClaim,
        Region region, Optional<URI> dynamoDbEndpoint) {

    /** Cognito's JWKS path under the issuer (developer guide, "Verifying a JSON web token"). */
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    public static AuthorizerConfiguration fromEnvironment() {
        return from(System.getenv());
    }

    /** Fails fast, when Lambda creates the handler, on a missing or bad setting. */
    public static AuthorizerConfiguration from(Map<String, String> variables) {
        EnvironmentVariables environment = new EnvironmentVariables(variables);
        String issuer = environment.required(EnvironmentVariables.JWT_ISSUER);
        URI issuerUri;
        try {
            issuerUri = new URI(issuer);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("environment variable JWT_ISSUER must be an http(s) URL");
        }
        if (!("https".equals(issuerUri.getScheme()) || "http".equals(issuerUri.getScheme()))
                || issuerUri.getHost() == null || issuer.endsWith("/") || issuerUri.getQuery() != null
                || issuerUri.getFragment() != null) {
            // Compared with iss character for character: a trailing slash would refuse every token.
            throw new IllegalStateException(
                    "environment variable JWT_ISSUER must be an http(s) URL without a trailing '/', query or fragment");
        }
        return new AuthorizerConfiguration(
                issuer,
                URI.create(issuer + JWKS_PATH),
                environment.required(EnvironmentVariables.TENANT_REGISTRY_TABLE),
                environment.optional(EnvironmentVariables.TENANT_CLAIM).orElse(TenantClaim.DEFAULT_NAME),
                Region.of(environment.required("AWS_REGION")),
                environment.optional(EnvironmentVariables.DYNAMODB_ENDPOINT).map(URI::create));
    }

}
