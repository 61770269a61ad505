package invoicegroups.infra;

import invoicegroups.table.ResourceServer;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.LambdaVersion;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolOperation;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.constructs.Construct;

/**
 * The Cognito user pool that issues machine-to-machine access tokens (client-credentials grant) to tenants' app
 * clients. The stack creates no app client: the {@code tenants} command creates one per tenant at run time and
 * registers it in the tenant registry, where the pre-token-generation trigger finds the client's tenant. The resource
 * server and its scope are {@link ResourceServer}'s, the definition the authorizer and the command use too.
 */
final class TenantUserPool extends Construct {

    static final String API_RESOURCE_SERVER_NAME = "Invoice groups API";
    // Nobody signs in with a password here, but a policy must exist; make it one nobody regrets.
    static final int MIN_PASSWORD_LENGTH = 14;

    final UserPool pool;
    final UserPoolDomain domain;
    final SnapStartFunction trigger;

    TenantUserPool(Construct scope, String id, Settings settings, ITableV2 registry) {
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
                .deletionProtection(settings.deletionProtection())
                .removalPolicy(settings.protectedRemovalPolicy())
                .build();

        this.trigger = TokenCustomizerFunction.create(this, "TokenCustomizer", settings, registry);
        // The alias, not the function: Cognito invokes the published (SnapStart) version.
        pool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, trigger.alias, LambdaVersion.V3_0);

        // The token endpoint (https://<prefix>.auth.<region>.amazoncognito.com/oauth2/token) lives on this domain.
        this.domain = pool.addDomain("Domain", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder()
                        .domainPrefix(settings.cognitoDomainPrefix().orElseGet(() -> defaultDomainPrefix(settings)))
                        .build())
                .build());

        pool.addResourceServer("InvoiceGroupsResourceServer", UserPoolResourceServerOptions.builder()
                .identifier(ResourceServer.IDENTIFIER)
                .userPoolResourceServerName(API_RESOURCE_SERVER_NAME)
                .scopes(List.of(ResourceServerScope.Builder.create()
                        .scopeName(ResourceServer.READ_SCOPE_NAME)
                        .scopeDescription("List the invoice groups of the token's tenant")
                        .build()))
                .build());
    }

    /** The issuer ("iss") of this pool's tokens, without a trailing slash: the authorizer's JWT_ISSUER. */
    String issuer() {
        return "https://cognito-idp." + Aws.REGION + "." + Aws.URL_SUFFIX + "/" + pool.getUserPoolId();
    }

    String tokenEndpoint() {
        return domain.baseUrl() + "/oauth2/token";
    }

    /** Cognito domain prefixes are unique per region across all accounts: stack name plus account id. */
    private static String defaultDomainPrefix(Settings settings) {
        return Fn.join("-", List.of(settings.stackName().toLowerCase(), Aws.ACCOUNT_ID));
    }
}
