package invoicegroups.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.LambdaVersion;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;
import software.constructs.Construct;

/**
 * The Cognito user pool that issues machine-to-machine access tokens (client-credentials grant) to tenants' app clients.
 *
 * <p>Every tenant in the {@code tenants} context gets an app client that may request two scopes: {@value #READ_SCOPE}
 * and {@code tenant/<tenant id>}. The pre-token-generation trigger turns the tenant scope into the tenant claim, so the
 * tenant a token speaks for is decided here, in the platform team's code review, never by the caller.
 */
final class TenantUserPool extends Construct {

    static final String API_RESOURCE_SERVER = "invoice-groups";
    static final String READ_SCOPE_NAME = "read";
    /** The scope the API route requires. */
    static final String READ_SCOPE = API_RESOURCE_SERVER + "/" + READ_SCOPE_NAME;
    static final String TENANT_RESOURCE_SERVER = "tenant";
    /** Cognito's limit of custom scopes per resource server, hence of tenants per user pool. */
    static final int MAX_TENANTS = 100;
    static final int ACCESS_TOKEN_VALIDITY_MINUTES = 60;
    // Nobody signs in with a password here, but a policy must exist; make it one nobody regrets.
    static final int MIN_PASSWORD_LENGTH = 14;

    final UserPool pool;
    final UserPoolDomain domain;
    final TokenCustomizerFunction trigger;
    /** Each registered tenant's app client, in the order of the {@code tenants} context. */
    final Map<String, UserPoolClient> clientsByTenant = new LinkedHashMap<>();

    TenantUserPool(Construct scope, String id, Settings settings) {
        super(scope, id);
        this.pool = UserPool.Builder.create(this, "UserPool")
                // Access-token customisation for client-credentials grants (trigger event V3_0) needs Essentials or Plus.
                .featurePlan(FeaturePlan.ESSENTIALS)
                .selfSignUpEnabled(false)
                .accountRecovery(AccountRecovery.NONE)
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(MIN_PASSWORD_LENGTH)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireDigits(true)
                        .requireSymbols(true)
                        .build())
                .mfa(Mfa.REQUIRED)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .deletionProtection(!settings.destroyable())
                .removalPolicy(settings.destroyable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();

        this.trigger = new TokenCustomizerFunction(this, "TokenCustomizer", settings, TENANT_RESOURCE_SERVER);
        pool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, trigger.function, LambdaVersion.V3_0);

        // The token endpoint (https://<prefix>.auth.<region>.amazoncognito.com/oauth2/token) lives on this domain.
        this.domain = pool.addDomain("Domain", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder()
                        .domainPrefix(settings.cognitoDomainPrefix().orElseGet(() -> defaultDomainPrefix(settings)))
                        .build())
                .build());

        ResourceServerScope read = ResourceServerScope.Builder.create()
                .scopeName(READ_SCOPE_NAME)
                .scopeDescription("List the invoice groups of the token's tenant")
                .build();
        UserPoolResourceServer api = pool.addResourceServer("InvoiceGroupsResourceServer",
                UserPoolResourceServerOptions.builder()
                        .identifier(API_RESOURCE_SERVER)
                        .userPoolResourceServerName("Invoice groups API")
                        .scopes(List.of(read))
                        .build());

        Map<String, ResourceServerScope> tenantScopes = new LinkedHashMap<>();
        settings.tenants().forEach(tenant -> tenantScopes.put(tenant, ResourceServerScope.Builder.create()
                .scopeName(tenant)
                .scopeDescription("Tokens speak for tenant " + tenant)
                .build()));
        UserPoolResourceServer tenants = pool.addResourceServer("TenantResourceServer",
                UserPoolResourceServerOptions.builder()
                        .identifier(TENANT_RESOURCE_SERVER)
                        .userPoolResourceServerName("Tenants (each scope binds an app client to one tenant)")
                        .scopes(List.copyOf(tenantScopes.values()))
                        .build());

        tenantScopes.forEach((tenant, tenantScope) -> clientsByTenant.put(tenant, pool.addClient(
                "Client" + InvoiceGroupsStack.outputSuffix(tenant),
                UserPoolClientOptions.builder()
                        .userPoolClientName("tenant-" + tenant)
                        .generateSecret(true)
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder().clientCredentials(true).build())
                                .scopes(List.of(
                                        OAuthScope.resourceServer(api, read),
                                        OAuthScope.resourceServer(tenants, tenantScope)))
                                .build())
                        .accessTokenValidity(Duration.minutes(ACCESS_TOKEN_VALIDITY_MINUTES))
                        .build())));
    }

    /** The issuer ("iss") of this pool's tokens, as API Gateway's JWT authorizer compares it: with https://. */
    String issuer() {
        return issuerOf(pool.getUserPoolId());
    }

    static String issuerOf(String userPoolId) {
        return "https://cognito-idp." + Aws.REGION + "." + Aws.URL_SUFFIX + "/" + userPoolId;
    }

    String tokenEndpoint() {
        return domain.baseUrl() + "/oauth2/token";
    }

    List<String> clientIds() {
        return clientsByTenant.values().stream().map(UserPoolClient::getUserPoolClientId).toList();
    }

    /** Cognito domain prefixes are unique per region across all accounts: stack name plus account id. */
    private static String defaultDomainPrefix(Settings settings) {
        return Fn.join("-", List.of(settings.stackName().toLowerCase(), Aws.ACCOUNT_ID));
    }
}
