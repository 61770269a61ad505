package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Token;

class OutputsAndChecksTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    private static String id(String type) {
        return DEFAULTS.resources(type).keySet().iterator().next();
    }

    @Test
    void outputsTellAPlatformTeamAndTheOpsJarWhereEverythingIs() {
        assertThat(DEFAULTS.template().findOutputs("*").keySet()).containsExactlyInAnyOrder(
                "ApiUrl", "InvoiceGroupsUrl", "TableName", "TenantRegistryTableName", "UserPoolId", "TokenEndpoint",
                "JwtIssuer", "AlarmTopicArn", "TenantOperatorPolicyArn", "DataImportPolicyArn", "AccessTokenValidityMinutes",
                "DashboardUrl", "ListFunctionLogGroupName", "TokenTriggerLogGroupName", "ApiAccessLogGroupName",
                "RestApiId", "DefaultPlan", "RevocationSeconds", "AuthorizerLogGroupName");
        String domainId = id("AWS::Cognito::UserPoolDomain");
        DEFAULTS.template().hasOutput("TokenEndpoint", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                "https://", Map.of("Ref", domainId), ".auth.", Map.of("Ref", "AWS::Region"), ".amazoncognito.com/oauth2/token")))));
        DEFAULTS.template().hasOutput("InvoiceGroupsUrl", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                "https://", Map.of("Ref", id("AWS::ApiGateway::RestApi")), ".execute-api.", Map.of("Ref", "AWS::Region"), ".",
                Map.of("Ref", "AWS::URLSuffix"), "/", Map.of("Ref", id("AWS::ApiGateway::Stage")), "/invoice_groups")))));
        DEFAULTS.template().hasOutput("TableName", Map.of("Value", Map.of("Ref",
                DEFAULTS.logicalId("AWS::DynamoDB::GlobalTable", TableTest.invoiceGroupsTable().get("Properties")))));
        DEFAULTS.template().hasOutput("TenantRegistryTableName", Map.of("Value", Map.of("Ref",
                DEFAULTS.logicalId("AWS::DynamoDB::GlobalTable", TableTest.registryTable().get("Properties")))));
        DEFAULTS.template().hasOutput("UserPoolId", Map.of("Value", Map.of("Ref", id("AWS::Cognito::UserPool"))));
        DEFAULTS.template().hasOutput("AccessTokenValidityMinutes", Map.of("Value", "1440"));
        // The tenants command finds the usage plans by GetUsagePlans filtered on this API id.
        DEFAULTS.template().hasOutput("RestApiId", Map.of("Value", Map.of("Ref", id("AWS::ApiGateway::RestApi"))));
        DEFAULTS.template().hasOutput("DefaultPlan", Map.of("Value", "standard"));
        DEFAULTS.template().hasOutput("RevocationSeconds", Map.of("Value", "60"));
    }

    @Test
    void cdkNagAwsSolutionsLeavesNoUnsuppressedFinding() {
        assertThat(DEFAULTS.unsuppressedNagFindings()).isEmpty();
    }

    @Test
    void synthesisRaisesNoWarningAndNoError() {
        assertThat(DEFAULTS.warnings()).isEmpty();
        assertThat(DEFAULTS.errors()).isEmpty();
    }

    @Test
    void everySuppressionNamesAnAwsSolutionsRuleAndASpecificReason() {
        Map<String, Map<String, Object>> resources = Synthesized.at(DEFAULTS.template().toJSON(), "Resources");
        List<Map<String, Object>> suppressions = resources.values().stream()
                .map(resource -> Synthesized.<List<Map<String, Object>>>at(resource, "Metadata", "cdk_nag", "rules_to_suppress"))
                .filter(rules -> rules != null)
                .flatMap(List::stream)
                .toList();
        assertThat(suppressions).extracting(suppression -> suppression.get("id")).containsOnly(
                "AwsSolutions-IAM5", "AwsSolutions-COG3", "AwsSolutions-IAM4", "AwsSolutions-COG4",
                "AwsSolutions-APIG2", "AwsSolutions-APIG3", "AwsSolutions-APIG6");
        assertThat(suppressions).allSatisfy(suppression ->
                assertThat(String.valueOf(suppression.get("reason"))).hasSizeGreaterThan(80));
        // Wildcards only where AWS allows no other resource (X-Ray) or where a run-time key id sits in the path.
        String usagePlanKeys = "Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/usageplans/<ApiRestApiUsagePlan";
        assertThat(suppressions).filteredOn(suppression -> "AwsSolutions-IAM5".equals(suppression.get("id")))
                .extracting(suppression -> suppression.get("applies_to"))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(appliesTo -> assertThat((List<String>) appliesTo).singleElement().satisfies(resource ->
                        assertThat(resource.equals("Resource::*")
                                || resource.equals("Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/apikeys/*")
                                || resource.startsWith(usagePlanKeys) && resource.endsWith(">/keys/*")).as(resource).isTrue()));
        // The Cognito-authorizer rule on the GET method, which has a Lambda authorizer instead, says why.
        assertThat(suppressions).filteredOn(suppression -> "AwsSolutions-COG4".equals(suppression.get("id")))
                .singleElement().satisfies(suppression -> assertThat(String.valueOf(suppression.get("reason")))
                        .contains("Lambda TOKEN authorizer", "usageIdentifierKey"));
        assertThat(suppressions).filteredOn(suppression -> "AwsSolutions-IAM4".equals(suppression.get("id")))
                .singleElement()
                .satisfies(suppression -> assertThat(suppression.get("applies_to")).isEqualTo(List.of(
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs")));
    }

    @Test
    void theStackIsEnvironmentAgnosticSoSynthNeedsNoAccount() {
        assertThat(Token.isUnresolved(DEFAULTS.stack().getAccount())).isTrue();
        assertThat(Token.isUnresolved(DEFAULTS.stack().getRegion())).isTrue();
    }
}
