package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.assertions.Match;

class OutputsAndChecksTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    @Test
    void outputsTellAPlatformTeamWhereEverythingIs() {
        assertThat(DEFAULTS.template().findOutputs("*").keySet()).containsExactlyInAnyOrder(
                "ApiUrl", "InvoiceGroupsUrl", "TableName", "JwtIssuer", "AlarmTopicArn",
                "UserPoolId", "TokenEndpoint", "AppClientIdDemo");
        String clientId = DEFAULTS.resources("AWS::Cognito::UserPoolClient").keySet().iterator().next();
        String domainId = DEFAULTS.resources("AWS::Cognito::UserPoolDomain").keySet().iterator().next();
        DEFAULTS.template().hasOutput("AppClientIdDemo", Map.of("Value", Map.of("Ref", clientId)));
        DEFAULTS.template().hasOutput("TokenEndpoint", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                "https://", Map.of("Ref", domainId), ".auth.", Map.of("Ref", "AWS::Region"), ".amazoncognito.com/oauth2/token")))));
        DEFAULTS.template().hasOutput("InvoiceGroupsUrl", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                Map.of("Fn::GetAtt", List.of(DEFAULTS.resources("AWS::ApiGatewayV2::Api").keySet().iterator().next(), "ApiEndpoint")),
                "/invoice_groups")))));
        DEFAULTS.template().hasOutput("TableName", Map.of("Value", Map.of("Ref",
                DEFAULTS.resources("AWS::DynamoDB::GlobalTable").keySet().iterator().next())));
        DEFAULTS.template().hasOutput("UserPoolId", Map.of("Value", Map.of("Ref",
                DEFAULTS.resources("AWS::Cognito::UserPool").keySet().iterator().next())));
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
        assertThat(suppressions).extracting(suppression -> suppression.get("id"))
                .containsOnly("AwsSolutions-IAM5", "AwsSolutions-COG3");
        assertThat(suppressions).allSatisfy(suppression ->
                assertThat(String.valueOf(suppression.get("reason"))).hasSizeGreaterThan(80));
        assertThat(suppressions).filteredOn(suppression -> "AwsSolutions-IAM5".equals(suppression.get("id")))
                .isNotEmpty()
                .allSatisfy(suppression -> assertThat(suppression.get("applies_to")).isEqualTo(List.of("Resource::*")));
    }

    @Test
    void theStackIsEnvironmentAgnosticSoSynthNeedsNoAccount() {
        assertThat(Token.isUnresolved(DEFAULTS.stack().getAccount())).isTrue();
        assertThat(Token.isUnresolved(DEFAULTS.stack().getRegion())).isTrue();
    }
}
