package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import invoicegroups.table.AccessTokens;
import invoicegroups.table.Plan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    private static String id(String type) {
        return DEFAULTS.resources(type).keySet().iterator().next();
    }

    static Map<String, Map<String, Object>> usagePlansByName(Synthesized synthesized) {
        return synthesized.resources("AWS::ApiGateway::UsagePlan").values().stream()
                .map(plan -> Synthesized.<Map<String, Object>>at(plan, "Properties"))
                .collect(Collectors.toMap(properties -> (String) properties.get("UsagePlanName"), properties -> properties));
    }

    @Test
    void theOnlyMethodIsGetInvoiceGroupsBehindTheLambdaAuthorizerRequiringAnApiKeyAndNoScope() {
        Map<String, Object> method = at(DEFAULTS.only("AWS::ApiGateway::Method"), "Properties");
        assertThat(method)
                .containsEntry("HttpMethod", "GET")
                .containsEntry("AuthorizationType", "CUSTOM")
                .containsEntry("AuthorizerId", Map.of("Ref", id("AWS::ApiGateway::Authorizer")))
                .containsEntry("ApiKeyRequired", true)
                .containsEntry("ResourceId", Map.of("Ref", id("AWS::ApiGateway::Resource")))
                // The authorizer checks the scope itself (403 without it, RFC 6750); scopes are for Cognito authorizers.
                .doesNotContainKey("AuthorizationScopes");
        assertThat((Object) at(DEFAULTS.only("AWS::ApiGateway::Resource"), "Properties", "PathPart")).isEqualTo("invoice_groups");
    }

    @Test
    void theAuthorizerIsATokenAuthorizerOnTheAuthorizersLiveAliasCachedForRevocationSeconds() {
        Map<String, Object> authorizer = at(DEFAULTS.only("AWS::ApiGateway::Authorizer"), "Properties");
        assertThat(authorizer).containsEntry("Type", "TOKEN")
                .containsEntry("IdentitySource", "method.request.header.Authorization")
                .containsEntry("AuthorizerResultTtlInSeconds", AccessTokens.DEFAULT_REVOCATION_SECONDS)
                .doesNotContainKeys("ProviderARNs", "IdentityValidationExpression");
        assertThat(authorizer.get("AuthorizerUri").toString())
                .contains("{Ref=" + AuthorizerTest.authorizerAliasId() + "}", "/invocations");
        assertThat((Object) at(DocumentedConfigurations.named("revocationSeconds=0").synthesized()
                .only("AWS::ApiGateway::Authorizer"), "Properties", "AuthorizerResultTtlInSeconds")).isEqualTo(0);
        DEFAULTS.template().resourceCountIs("AWS::ApiGatewayV2::Api", 0);
    }

    @Test
    void theApiMetersTheKeyTheAuthorizerReturnsNeverAHeader() {
        assertThat((Object) at(DEFAULTS.only("AWS::ApiGateway::RestApi"), "Properties", "ApiKeySourceType")).isEqualTo("AUTHORIZER");
        // The stack makes no API key: the tenants command makes one per tenant at run time.
        DEFAULTS.template().resourceCountIs("AWS::ApiGateway::ApiKey", 0);
        DEFAULTS.template().resourceCountIs("AWS::ApiGateway::UsagePlanKey", 0);
    }

    @Test
    void eachDefaultPlanIsAUsagePlanOfItsNameAndLimitsOnThisStage() {
        Map<String, Map<String, Object>> plans = usagePlansByName(DEFAULTS);
        assertThat(plans.keySet()).containsExactlyInAnyOrderElementsOf(Plan.DEFAULTS.keySet());
        Plan.DEFAULTS.values().forEach(plan -> {
            Map<String, Object> usagePlan = plans.get(plan.name());
            assertThat(((Number) at(usagePlan, "Throttle", "RateLimit")).doubleValue()).isEqualTo(plan.rateLimit());
            assertThat((Object) at(usagePlan, "Throttle", "BurstLimit")).isEqualTo(plan.burstLimit());
            assertThat(usagePlan).doesNotContainKey("Quota");
            assertThat((Object) at(usagePlan, "ApiStages", 0, "ApiId")).isEqualTo(Map.of("Ref", id("AWS::ApiGateway::RestApi")));
            assertThat((Object) at(usagePlan, "ApiStages", 0, "Stage")).isEqualTo(Map.of("Ref", id("AWS::ApiGateway::Stage")));
        });
    }

    @Test
    void onlyTheDefaultPlansUsagePlanIsTaggedSoTheTenantsCommandFindsIt() {
        assertThat(defaultTagged(DEFAULTS)).containsExactly(Plan.DEFAULT_PLAN);
        assertThat(defaultTagged(DocumentedConfigurations.named("every setting").synthesized())).containsExactly("gold");
    }

    /** The names of the usage plans tagged {@link Plan#DEFAULT_PLAN_TAG} (CloudFormation's Tags: a list of Key/Value). */
    private static List<String> defaultTagged(Synthesized synthesized) {
        return usagePlansByName(synthesized).entrySet().stream()
                .filter(plan -> plan.getValue().get("Tags") instanceof List<?> tags && tags.contains(
                        Map.of("Key", Plan.DEFAULT_PLAN_TAG, "Value", Plan.DEFAULT_PLAN_TAG_VALUE)))
                .map(Map.Entry::getKey).toList();
    }

    @Test
    void aMonthlyQuotaBecomesTheUsagePlansMonthQuota() {
        Map<String, Map<String, Object>> plans = usagePlansByName(DocumentedConfigurations.named("plans with a monthly quota").synthesized());
        assertThat((Object) plans.get("premium").get("Quota")).isEqualTo(Map.of("Limit", 1_000_000, "Period", "MONTH"));
        assertThat((Object) at(plans.get("premium"), "Throttle")).isEqualTo(Map.of("RateLimit", 50, "BurstLimit", 100));
        assertThat(plans.get("standard")).doesNotContainKey("Quota");
    }

    @Test
    void theMethodProxiesToTheLiveAliasAndOnlyThisStageMayInvokeIt() {
        String aliasId = ListFunctionTest.listAliasId();
        Map<String, Object> integration = at(DEFAULTS.only("AWS::ApiGateway::Method"), "Properties", "Integration");
        assertThat(integration).containsEntry("Type", "AWS_PROXY").containsEntry("IntegrationHttpMethod", "POST");
        assertThat(integration.get("Uri").toString()).contains("{Ref=" + aliasId + "}", "/invocations");
        List<Map<String, Object>> permissions = DEFAULTS.resources("AWS::Lambda::Permission").values().stream()
                .filter(permission -> "apigateway.amazonaws.com".equals(at(permission, "Properties", "Principal")))
                .filter(permission -> Map.of("Ref", aliasId).equals(at(permission, "Properties", "FunctionName")))
                .toList();
        assertThat(permissions).hasSize(1);
        assertThat(at(permissions.get(0), "Properties", "SourceArn").toString())
                .contains("{Ref=" + id("AWS::ApiGateway::Stage") + "}", "/GET/invoice_groups");
    }

    @Test
    void gatewayResponsesAnswerInTheApisOwnMessageShape() {
        Map<String, Map<String, Object>> byType = DEFAULTS.resources("AWS::ApiGateway::GatewayResponse").values().stream()
                .map(response -> Synthesized.<Map<String, Object>>at(response, "Properties"))
                .collect(Collectors.toMap(properties -> (String) properties.get("ResponseType"), properties -> properties));
        assertThat(byType.keySet()).containsExactlyInAnyOrder("UNAUTHORIZED", "ACCESS_DENIED", "INVALID_API_KEY",
                "MISSING_AUTHENTICATION_TOKEN", "THROTTLED", "QUOTA_EXCEEDED", "AUTHORIZER_FAILURE",
                "AUTHORIZER_CONFIGURATION_ERROR", "DEFAULT_4XX", "DEFAULT_5XX");
        Map<String, List<String>> expected = Map.of(
                "UNAUTHORIZED", List.of("401", "Unauthorized"),
                "ACCESS_DENIED", List.of("403", "Forbidden"),
                "INVALID_API_KEY", List.of("403", "Forbidden"),
                "MISSING_AUTHENTICATION_TOKEN", List.of("404", "Not Found"),
                "THROTTLED", List.of("429", "Too Many Requests"),
                "QUOTA_EXCEEDED", List.of("429", "Limit Exceeded"),
                "AUTHORIZER_FAILURE", List.of("500", "Internal Server Error"),
                "AUTHORIZER_CONFIGURATION_ERROR", List.of("500", "Internal Server Error"));
        expected.forEach((type, answer) -> assertThat(byType.get(type)).as(type)
                .containsEntry("StatusCode", answer.get(0))
                .containsEntry("ResponseTemplates", Map.of("application/json", "{\"message\":\"" + answer.get(1) + "\"}")));
        assertThat(byType.values()).allSatisfy(response -> assertThat(response)
                .containsEntry("ResponseParameters", Map.of("gatewayresponse.header.Content-Type", "'application/json'")));
        for (String fallback : List.of("DEFAULT_4XX", "DEFAULT_5XX")) {
            assertThat(byType.get(fallback)).doesNotContainKey("StatusCode")
                    .containsEntry("ResponseTemplates", Map.of("application/json", "{\"message\":$context.error.messageString}"));
        }
    }

    @Test
    void theStageThrottlesAllTenantsTogetherTracesAndWritesJsonAccessLogsWithTheAuthorizersDecision()
            throws JsonProcessingException {
        Map<String, Object> stage = at(DEFAULTS.only("AWS::ApiGateway::Stage"), "Properties");
        assertThat(stage).containsEntry("StageName", InvoiceGroupsApi.STAGE_NAME).containsEntry("TracingEnabled", true);
        assertThat((Object) at(stage, "MethodSettings")).isEqualTo(List.of(Map.of(
                "HttpMethod", "*", "ResourcePath", "/*", "DataTraceEnabled", false,
                "ThrottlingRateLimit", Settings.DEFAULT_THROTTLE_RATE_LIMIT,
                "ThrottlingBurstLimit", Settings.DEFAULT_THROTTLE_BURST_LIMIT)));
        String logGroupId = at(stage, "AccessLogSetting", "DestinationArn", "Fn::GetAtt", 0);
        String format = at(stage, "AccessLogSetting", "Format");
        // One JSON object per line: Contributor Insights' JSON rules and Logs Insights read its fields.
        Map<String, Object> fields = new ObjectMapper().readValue(format, new TypeReference<>() { });
        assertThat(fields).containsEntry("requestId", "$context.requestId")
                .containsEntry("status", "$context.status")
                .containsEntry("responseType", "$context.error.responseType")
                .containsEntry("tenant", "$context.authorizer.tenantId")
                .containsEntry("clientId", "$context.authorizer.clientId")
                .containsEntry("plan", "$context.authorizer.plan")
                .containsEntry("apiKeyId", "$context.identity.apiKeyId")
                .containsEntry("authorizerLatency", "$context.authorizer.latency");
        assertThat(format).doesNotContain("claims");
        Map<String, Object> logGroup = DEFAULTS.resources("AWS::Logs::LogGroup").get(logGroupId);
        assertThat(((Number) at(logGroup, "Properties", "RetentionInDays")).intValue()).isEqualTo(Settings.DEFAULT_LOG_RETENTION_DAYS);
    }

    /** The stage's cap over all tenants leaves room for every tenant at its plan's limit beside one flooding at its own. */
    @Test
    void theStageLimitIsFarAboveAnyOneTenantsAndUnderTheSmallestRegionalAccountQuota() {
        double largestPlanRate = Plan.DEFAULTS.values().stream().mapToDouble(Plan::rateLimit).max().orElseThrow();
        int largestPlanBurst = Plan.DEFAULTS.values().stream().mapToInt(Plan::burstLimit).max().orElseThrow();
        assertThat(Settings.DEFAULT_THROTTLE_RATE_LIMIT).isGreaterThanOrEqualTo((int) (20 * largestPlanRate)).isLessThanOrEqualTo(2500);
        assertThat(Settings.DEFAULT_THROTTLE_BURST_LIMIT).isGreaterThanOrEqualTo(10 * largestPlanBurst).isLessThanOrEqualTo(1250);
    }

    @Test
    void theApiIsRegionalAndHasNoCorsUnlessOriginsAreConfigured() {
        Map<String, Object> api = at(DEFAULTS.only("AWS::ApiGateway::RestApi"), "Properties");
        assertThat((Object) at(api, "EndpointConfiguration", "Types")).isEqualTo(List.of("REGIONAL"));
        assertThat(DEFAULTS.resources("AWS::ApiGateway::Method").values())
                .noneMatch(method -> "OPTIONS".equals(at(method, "Properties", "HttpMethod")));
    }
}
