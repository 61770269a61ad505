package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class TokensTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    private static String triggerId() {
        return DEFAULTS.logicalId("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", TokenCustomizerFunction.HANDLER)));
    }

    @Test
    void thePoolRunsTheTenantTriggerWithEventVersion3OnTheEssentialsPlan() {
        Map<String, Object> pool = at(DEFAULTS.only("AWS::Cognito::UserPool"), "Properties");
        assertThat(pool).containsEntry("UserPoolTier", "ESSENTIALS");
        assertThat((Object) at(pool, "LambdaConfig")).isEqualTo(Map.of("PreTokenGenerationConfig", Map.of(
                "LambdaArn", Map.of("Fn::GetAtt", List.of(triggerId(), "Arn")),
                "LambdaVersion", "V3_0")));
    }

    @Test
    void onlyThisPoolMayInvokeTheTrigger() {
        String poolId = DEFAULTS.resources("AWS::Cognito::UserPool").keySet().iterator().next();
        DEFAULTS.template().hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "FunctionName", Map.of("Fn::GetAtt", List.of(triggerId(), "Arn")),
                "Principal", "cognito-idp.amazonaws.com",
                "SourceArn", Map.of("Fn::GetAtt", List.of(poolId, "Arn"))));
    }

    @Test
    void theTriggerWritesTheClaimTheFunctionReadsFromTheTenantResourceServersScope() {
        DEFAULTS.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "invoicegroups.tokencustomizer.TenantClaimTrigger::handleRequest",
                "Runtime", "java25",
                "Architectures", List.of("arm64"),
                "Timeout", TokenCustomizerFunction.TIMEOUT_SECONDS,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "TENANT_CLAIM", "tenant_id",
                        "TENANT_RESOURCE_SERVER", "tenant")))));
        String contentHash = Artifacts.contentHash(Artifacts.existing(Artifacts.TOKEN_CUSTOMIZER_JAR));
        DEFAULTS.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", TokenCustomizerFunction.HANDLER,
                "Code", Match.objectLike(Map.of("S3Key", Synthesized.assetKey(contentHash)))));
    }

    @Test
    void resourceServersOfferTheReadScopeAndOneScopePerTenant() {
        DEFAULTS.template().hasResourceProperties("AWS::Cognito::UserPoolResourceServer", Map.of(
                "Identifier", "invoice-groups",
                "Scopes", List.of(Map.of("ScopeName", "read", "ScopeDescription", Match.anyValue()))));
        DEFAULTS.template().hasResourceProperties("AWS::Cognito::UserPoolResourceServer", Map.of(
                "Identifier", "tenant",
                "Scopes", List.of(Map.of("ScopeName", "demo", "ScopeDescription", Match.anyValue()))));
    }

    @Test
    void eachTenantHasAMachineToMachineClientAllowedTheReadScopeAndItsOwnTenantScope() {
        String apiServer = DEFAULTS.logicalId("AWS::Cognito::UserPoolResourceServer", Match.objectLike(Map.of("Identifier", "invoice-groups")));
        String tenantServer = DEFAULTS.logicalId("AWS::Cognito::UserPoolResourceServer", Match.objectLike(Map.of("Identifier", "tenant")));
        Map<String, Object> client = at(DEFAULTS.only("AWS::Cognito::UserPoolClient"), "Properties");
        assertThat(client)
                .containsEntry("ClientName", "tenant-demo")
                .containsEntry("GenerateSecret", true)
                .containsEntry("AllowedOAuthFlows", List.of("client_credentials"))
                .containsEntry("AllowedOAuthFlowsUserPoolClient", true)
                .containsEntry("AllowedOAuthScopes", List.of(
                        Map.of("Fn::Join", List.of("", List.of(Map.of("Ref", apiServer), "/read"))),
                        Map.of("Fn::Join", List.of("", List.of(Map.of("Ref", tenantServer), "/demo")))));
    }

    @Test
    void nobodySignsUpAndThePoolIsProtectedFromDeletion() {
        Map<String, Object> pool = DEFAULTS.only("AWS::Cognito::UserPool");
        assertThat((Object) at(pool, "Properties", "AdminCreateUserConfig", "AllowAdminCreateUserOnly")).isEqualTo(true);
        assertThat((Object) at(pool, "Properties", "DeletionProtection")).isEqualTo("ACTIVE");
        assertThat(pool).containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void theTokenEndpointLivesOnACognitoDomainNamedAfterStackAndAccount() {
        DEFAULTS.template().hasResourceProperties("AWS::Cognito::UserPoolDomain", Map.of(
                "Domain", Map.of("Fn::Join", List.of("-", List.of("invoicegroups", Map.of("Ref", "AWS::AccountId"))))));
    }
}
