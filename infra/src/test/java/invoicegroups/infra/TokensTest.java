package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class TokensTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    static String triggerId() {
        return DEFAULTS.logicalId("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", TokenCustomizerFunction.HANDLER)));
    }

    static String triggerAliasId() {
        return DEFAULTS.logicalId("AWS::Lambda::Alias", Match.objectLike(Map.of("FunctionName", Map.of("Ref", triggerId()))));
    }

    private static Map<String, Object> trigger() {
        return DEFAULTS.resources("AWS::Lambda::Function").get(triggerId());
    }

    @Test
    void thePoolRunsTheTriggersLiveAliasWithEventVersion3OnTheEssentialsPlan() {
        Map<String, Object> pool = at(DEFAULTS.only("AWS::Cognito::UserPool"), "Properties");
        assertThat(pool).containsEntry("UserPoolTier", "ESSENTIALS");
        // A Ref to an alias is its qualified ARN (function:name:live), which Cognito's LambdaArn pattern accepts.
        assertThat((Object) at(pool, "LambdaConfig")).isEqualTo(Map.of("PreTokenGenerationConfig", Map.of(
                "LambdaArn", Map.of("Ref", triggerAliasId()),
                "LambdaVersion", "V3_0")));
    }

    @Test
    void onlyThisPoolMayInvokeTheTriggerAndOnlyThroughTheAlias() {
        String poolId = DEFAULTS.resources("AWS::Cognito::UserPool").keySet().iterator().next();
        List<Map<String, Object>> cognitoPermissions = DEFAULTS.resources("AWS::Lambda::Permission").values().stream()
                .filter(permission -> "cognito-idp.amazonaws.com".equals(at(permission, "Properties", "Principal")))
                .toList();
        assertThat(cognitoPermissions).hasSize(1);
        assertThat((Map<String, Object>) at(cognitoPermissions.get(0), "Properties"))
                .containsEntry("Action", "lambda:InvokeFunction")
                .containsEntry("FunctionName", Map.of("Ref", triggerAliasId()))
                .containsEntry("SourceArn", Map.of("Fn::GetAtt", List.of(poolId, "Arn")));
    }

    @Test
    void theTriggerIsAPublishedSnapStartVersionOnJava25Arm() {
        Map<String, Object> properties = at(trigger(), "Properties");
        assertThat(properties).containsEntry("Handler", "invoicegroups.tokencustomizer.TenantClaimTrigger::handleRequest")
                .containsEntry("Runtime", "java25")
                .containsEntry("Architectures", List.of("arm64"))
                .containsEntry("Timeout", TokenCustomizerFunction.TIMEOUT_SECONDS)
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                .containsEntry("ReservedConcurrentExecutions", Settings.DEFAULT_TOKEN_TRIGGER_RESERVED_CONCURRENCY);
        String versionId = DEFAULTS.logicalId("AWS::Lambda::Version",
                Match.objectLike(Map.of("FunctionName", Map.of("Ref", triggerId()))));
        DEFAULTS.template().hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", SnapStartFunction.ALIAS_NAME,
                "FunctionName", Map.of("Ref", triggerId()),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version"))));
        String contentHash = Artifacts.contentHash(Artifacts.existing(Artifacts.TOKEN_CUSTOMIZER_JAR));
        assertThat((Object) at(properties, "Code", "S3Key")).isEqualTo(Synthesized.assetKey(contentHash));
    }

    @Test
    void theTriggerReadsTheRegistryNamedInItsEnvironmentAndWritesTheConfiguredClaim() {
        String registryId = DEFAULTS.logicalId("AWS::DynamoDB::GlobalTable", TableTest.registryTable().get("Properties"));
        assertThat((Map<String, Object>) at(trigger(), "Properties", "Environment", "Variables")).containsOnly(
                Map.entry("TENANT_REGISTRY_TABLE", Map.of("Ref", registryId)),
                Map.entry("TENANT_CLAIM", "tenant_id"),
                Map.entry("JAVA_TOOL_OPTIONS", TokenCustomizerFunction.JAVA_TOOL_OPTIONS));
    }

    @Test
    void theOnlyResourceServerIsInvoiceGroupsWithTheReadScope() {
        Map<String, Object> server = at(DEFAULTS.only("AWS::Cognito::UserPoolResourceServer"), "Properties");
        assertThat(server).containsEntry("Identifier", "invoice-groups").containsEntry("Name", "Invoice groups API");
        assertThat((Object) server.get("Scopes")).isEqualTo(List.of(
                Map.of("ScopeName", "read", "ScopeDescription", "List the invoice groups of the token's tenant")));
    }

    @Test
    void theStackCreatesNoAppClientNoTenantScopeAndNoPerTenantOutput() {
        DEFAULTS.template().resourceCountIs("AWS::Cognito::UserPoolClient", 0);
        assertThat(DEFAULTS.template().findOutputs("*").keySet()).noneMatch(id -> id.startsWith("AppClientId"));
        String template = DEFAULTS.template().toJSON().toString();
        assertThat(template).doesNotContain("tenant/", "TENANT_RESOURCE_SERVER", "\"demo\"", "tenant-demo", "ClientId=");
    }

    @Test
    void nobodySignsUpAndThePoolIsProtectedFromDeletion() {
        Map<String, Object> pool = DEFAULTS.only("AWS::Cognito::UserPool");
        assertThat((Object) at(pool, "Properties", "AdminCreateUserConfig", "AllowAdminCreateUserOnly")).isEqualTo(true);
        assertThat((Object) at(pool, "Properties", "DeletionProtection")).isEqualTo("ACTIVE");
    }

    @Test
    void theTokenEndpointLivesOnACognitoDomainNamedAfterStackAndAccount() {
        DEFAULTS.template().hasResourceProperties("AWS::Cognito::UserPoolDomain", Map.of(
                "Domain", Map.of("Fn::Join", List.of("-", List.of("invoicegroups", Map.of("Ref", "AWS::AccountId"))))));
    }
}
