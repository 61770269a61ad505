package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Every context knob set at once, on one synthesis: a dev stack without SnapStart, rolled out all at once. */
class ConfiguredStackTest {

    private static final Synthesized CONFIGURED = DocumentedConfigurations.named("every setting").synthesized();

    @Test
    void destroyableMakesEveryStatefulResourceDeletable() {
        assertThat(CONFIGURED.resources("AWS::DynamoDB::GlobalTable")).hasSize(2).allSatisfy((id, table) -> {
            assertThat((Object) at(table, "Properties", "Replicas", 0, "DeletionProtectionEnabled")).isEqualTo(false);
            assertThat(table).containsEntry("DeletionPolicy", "Delete");
        });
        assertThat((Object) at(CONFIGURED.only("AWS::Cognito::UserPool"), "Properties", "DeletionProtection")).isEqualTo("INACTIVE");
        for (String type : RemovalTest.STATEFUL) {
            assertThat(CONFIGURED.resources(type)).isNotEmpty()
                    .allSatisfy((id, resource) -> assertThat(resource).containsEntry("DeletionPolicy", "Delete"));
        }
        assertThat(CONFIGURED.template().toJSON().toString()).doesNotContain("RetainExceptOnCreate");
    }

    @Test
    void snapStartFalseDeploysTheThreeFunctionsWithoutSnapStartStillBehindPublishedAliases() {
        assertThat(CONFIGURED.resources("AWS::Lambda::Function")).hasSize(3).allSatisfy((id, function) ->
                assertThat((Map<String, Object>) at(function, "Properties")).doesNotContainKey("SnapStart"));
        assertThat(CONFIGURED.resources("AWS::Lambda::Alias")).hasSize(3);
        assertThat(CONFIGURED.resources("AWS::Lambda::Version")).hasSize(3);
        assertThat(Synthesized.DEFAULTS.resources("AWS::Lambda::Function")).hasSize(3).allSatisfy((id, function) ->
                assertThat((Object) at(function, "Properties", "SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions")));
    }

    @Test
    void apiGatewayCloudWatchRoleFalseLeavesTheAccountsLoggingRoleAlone() {
        CONFIGURED.template().resourceCountIs("AWS::ApiGateway::Account", 0);
        assertThat(CONFIGURED.resources("AWS::IAM::Role").values()).noneMatch(role ->
                String.valueOf((Object) at(role, "Properties", "AssumeRolePolicyDocument")).contains("apigateway.amazonaws.com"));
        Synthesized.DEFAULTS.template().resourceCountIs("AWS::ApiGateway::Account", 1);
        // Access logs stay on: they then rely on the role the account already has.
        assertThat(CONFIGURED.resources("AWS::ApiGateway::Stage")).hasSize(1).allSatisfy((id, stage) ->
                assertThat((Object) at(stage, "Properties", "AccessLogSetting")).isNotNull());
    }

    @Test
    void allAtOnceMovesTheAliasWithoutCodeDeploy() {
        CONFIGURED.template().resourceCountIs("AWS::CodeDeploy::Application", 0);
        CONFIGURED.template().resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 0);
        assertThat(CONFIGURED.resources("AWS::Lambda::Alias")).allSatisfy((id, alias) -> assertThat(alias).doesNotContainKey("UpdatePolicy"));
        assertThat(CONFIGURED.resources("AWS::IAM::Role").values())
                .noneMatch(role -> String.valueOf((Object) at(role, "Properties", "AssumeRolePolicyDocument")).contains("codedeploy"));
    }

    @Test
    void functionSizeTimeoutTenantClaimAndReservationsFollowTheContext() {
        CONFIGURED.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", ListInvoiceGroupsFunction.HANDLER,
                "MemorySize", 2048,
                "Timeout", 15,
                "ReservedConcurrentExecutions", 100));
        for (String handler : List.of(TokenCustomizerFunction.HANDLER, AuthorizerFunction.HANDLER)) {
            CONFIGURED.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "Handler", handler,
                    "Environment", Map.of("Variables", Match.objectLike(Map.of("TENANT_CLAIM", "org_id")))));
        }
        CONFIGURED.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", TokenCustomizerFunction.HANDLER, "ReservedConcurrentExecutions", 10));
        CONFIGURED.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", AuthorizerFunction.HANDLER, "ReservedConcurrentExecutions", 40));
        // The function reads no claim at all: the authorizer hands it the tenant.
        CONFIGURED.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", ListInvoiceGroupsFunction.HANDLER,
                "Environment", Map.of("Variables", Match.not(Match.objectLike(Map.of("TENANT_CLAIM", Match.anyValue()))))));
        assertThat(CONFIGURED.resources("AWS::Logs::LogGroup")).hasSize(4).allSatisfy((id, group) ->
                assertThat(((Number) at(group, "Properties", "RetentionInDays")).intValue()).isEqualTo(7));
    }

    @Test
    void throttlingPlansAndTheRevocationBoundFollowTheContext() {
        CONFIGURED.template().hasResourceProperties("AWS::ApiGateway::Stage", Map.of(
                "MethodSettings", List.of(Match.objectLike(Map.of("ThrottlingRateLimit", 20, "ThrottlingBurstLimit", 40)))));
        Map<String, Map<String, Object>> plans = ApiTest.usagePlansByName(CONFIGURED);
        assertThat(plans.keySet()).containsExactlyInAnyOrder("basic", "gold");
        assertThat((Object) plans.get("basic").get("Throttle")).isEqualTo(Map.of("RateLimit", 2, "BurstLimit", 4));
        assertThat((Object) plans.get("gold").get("Throttle")).isEqualTo(Map.of("RateLimit", 5.5, "BurstLimit", 10));
        assertThat((Object) plans.get("gold").get("Quota")).isEqualTo(Map.of("Limit", 100_000, "Period", "MONTH"));
        CONFIGURED.template().hasOutput("DefaultPlan", Map.of("Value", "gold"));
        CONFIGURED.template().hasOutput("RevocationSeconds", Map.of("Value", "30"));
        CONFIGURED.template().hasResourceProperties("AWS::ApiGateway::Authorizer", Map.of("AuthorizerResultTtlInSeconds", 30));
        CONFIGURED.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmDescription", Match.stringLikeRegexp("One app client.*"), "Threshold", 25));
    }

    @Test
    void corsPreflightAllowsExactlyTheConfiguredOriginsForGetWithAuthorization() {
        List<Map<String, Object>> preflights = CONFIGURED.resources("AWS::ApiGateway::Method").values().stream()
                .filter(method -> "OPTIONS".equals(at(method, "Properties", "HttpMethod"))).toList();
        assertThat(preflights).hasSize(1);
        String integration = String.valueOf((Object) at(preflights.get(0), "Properties", "Integration"));
        assertThat(integration).contains("'GET'", "'Authorization'", "https://app.example.com", "https://admin.example.com");
        assertThat(CONFIGURED.resources("AWS::ApiGateway::Method")).hasSize(2);
    }

    @Test
    void alarmsUseTheConfiguredThresholdsAndMailTheConfiguredAddress() {
        CONFIGURED.template().hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", "oncall@example.com"));
        CONFIGURED.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("ExtendedStatistic", "p99", "Threshold", 800));
        CONFIGURED.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Threshold", 2, "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "100 * errors / requests"))))));
    }

    @Test
    void theDomainPrefixStackNameAndTokenLifetimeFollowTheContext() {
        CONFIGURED.template().hasResourceProperties("AWS::Cognito::UserPoolDomain", Map.of("Domain", "invoice-groups-dev-auth"));
        assertThat(CONFIGURED.stack().getStackName()).isEqualTo("InvoiceGroupsDev");
        CONFIGURED.template().hasOutput("AccessTokenValidityMinutes", Map.of("Value", "15"));
        CONFIGURED.template().hasResourceProperties("AWS::ApiGateway::RestApi", Map.of("Name", "InvoiceGroupsDev"));
    }

    @Test
    void theConfiguredStackIsAsCleanAsTheDefaultOne() {
        assertThat(CONFIGURED.unsuppressedNagFindings()).isEmpty();
        assertThat(CONFIGURED.warnings()).isEmpty();
        assertThat(CONFIGURED.errors()).isEmpty();
    }
}
