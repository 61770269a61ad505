package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    private static String id(String type) {
        return DEFAULTS.resources(type).keySet().iterator().next();
    }

    @Test
    void theOnlyMethodIsGetInvoiceGroupsBehindTheCognitoAuthorizerRequiringTheReadScope() {
        Map<String, Object> method = at(DEFAULTS.only("AWS::ApiGateway::Method"), "Properties");
        assertThat(method)
                .containsEntry("HttpMethod", "GET")
                .containsEntry("AuthorizationType", "COGNITO_USER_POOLS")
                .containsEntry("AuthorizerId", Map.of("Ref", id("AWS::ApiGateway::Authorizer")))
                .containsEntry("AuthorizationScopes", List.of("invoice-groups/read"))
                .containsEntry("ResourceId", Map.of("Ref", id("AWS::ApiGateway::Resource")));
        assertThat((Object) at(DEFAULTS.only("AWS::ApiGateway::Resource"), "Properties", "PathPart")).isEqualTo("invoice_groups");
    }

    @Test
    void theAuthorizerIsCognitoUserPoolsOnThisStacksPoolWithNoClientList() {
        Map<String, Object> authorizer = at(DEFAULTS.only("AWS::ApiGateway::Authorizer"), "Properties");
        assertThat(authorizer).containsEntry("Type", "COGNITO_USER_POOLS")
                .containsEntry("IdentitySource", "method.request.header.Authorization")
                .containsEntry("ProviderARNs", List.of(Map.of("Fn::GetAtt", List.of(id("AWS::Cognito::UserPool"), "Arn"))))
                // A COGNITO_USER_POOLS authorizer has no audience or client list: every app client of the pool passes.
                .doesNotContainKeys("JwtConfiguration", "AuthorizerUri", "AuthorizerResultTtlInSeconds");
        DEFAULTS.template().resourceCountIs("AWS::ApiGatewayV2::Api", 0);
        DEFAULTS.template().resourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
    }

    @Test
    void theMethodProxiesToTheLiveAliasAndOnlyThisStageMayInvokeIt() {
        String aliasId = ListFunctionTest.listAliasId();
        Map<String, Object> integration = at(DEFAULTS.only("AWS::ApiGateway::Method"), "Properties", "Integration");
        assertThat(integration).containsEntry("Type", "AWS_PROXY").containsEntry("IntegrationHttpMethod", "POST");
        assertThat(integration.get("Uri").toString()).contains("{Ref=" + aliasId + "}", "/invocations");
        List<Map<String, Object>> permissions = DEFAULTS.resources("AWS::Lambda::Permission").values().stream()
                .filter(permission -> "apigateway.amazonaws.com".equals(at(permission, "Properties", "Principal")))
                .toList();
        assertThat(permissions).hasSize(1);
        assertThat((Object) at(permissions.get(0), "Properties", "FunctionName")).isEqualTo(Map.of("Ref", aliasId));
        assertThat(at(permissions.get(0), "Properties", "SourceArn").toString())
                .contains("{Ref=" + id("AWS::ApiGateway::Stage") + "}", "/GET/invoice_groups");
    }

    @Test
    void gatewayResponsesAnswerInTheApisOwnMessageShape() {
        Map<String, Map<String, Object>> byType = DEFAULTS.resources("AWS::ApiGateway::GatewayResponse").values().stream()
                .map(response -> Synthesized.<Map<String, Object>>at(response, "Properties"))
                .collect(Collectors.toMap(properties -> (String) properties.get("ResponseType"), properties -> properties));
        assertThat(byType.keySet()).containsExactlyInAnyOrder("UNAUTHORIZED", "ACCESS_DENIED",
                "MISSING_AUTHENTICATION_TOKEN", "THROTTLED", "DEFAULT_4XX", "DEFAULT_5XX");
        assertThat(byType.get("UNAUTHORIZED")).containsEntry("StatusCode", "401")
                .containsEntry("ResponseTemplates", Map.of("application/json", "{\"message\":\"Unauthorized\"}"));
        assertThat(byType.get("ACCESS_DENIED")).containsEntry("StatusCode", "403")
                .containsEntry("ResponseTemplates", Map.of("application/json", "{\"message\":\"Forbidden\"}"));
        assertThat(byType.get("MISSING_AUTHENTICATION_TOKEN")).containsEntry("StatusCode", "404")
                .containsEntry("ResponseTemplates", Map.of("application/json", "{\"message\":\"Not Found\"}"));
        assertThat(byType.get("THROTTLED")).containsEntry("StatusCode", "429")
                .containsEntry("ResponseTemplates", Map.of("application/json", "{\"message\":\"Too Many Requests\"}"));
        assertThat(byType.values()).allSatisfy(response -> assertThat(response)
                .containsEntry("ResponseParameters", Map.of("gatewayresponse.header.Content-Type", "'application/json'")));
        for (String fallback : List.of("DEFAULT_4XX", "DEFAULT_5XX")) {
            assertThat(byType.get(fallback)).doesNotContainKey("StatusCode")
                    .containsEntry("ResponseTemplates", Map.of("application/json", "{\"message\":$context.error.messageString}"));
        }
    }

    @Test
    void theStageThrottlesEveryMethodTracesAndWritesJsonAccessLogsWithTenantAndClient() {
        Map<String, Object> stage = at(DEFAULTS.only("AWS::ApiGateway::Stage"), "Properties");
        assertThat(stage).containsEntry("StageName", InvoiceGroupsApi.STAGE_NAME).containsEntry("TracingEnabled", true);
        assertThat((Object) at(stage, "MethodSettings")).isEqualTo(List.of(Map.of(
                "HttpMethod", "*", "ResourcePath", "/*", "DataTraceEnabled", false,
                "ThrottlingRateLimit", Settings.DEFAULT_THROTTLE_RATE_LIMIT,
                "ThrottlingBurstLimit", Settings.DEFAULT_THROTTLE_BURST_LIMIT)));
        String logGroupId = at(stage, "AccessLogSetting", "DestinationArn", "Fn::GetAtt", 0);
        String format = at(stage, "AccessLogSetting", "Format");
        assertThat(format).startsWith("{").endsWith("}").contains(
                "\"requestId\":\"$context.requestId\"", "\"status\":\"$context.status\"",
                "\"clientId\":\"$context.authorizer.claims.client_id\"",
                "\"tenant\":\"$context.authorizer.claims.tenant_id\"");
        Map<String, Object> logGroup = DEFAULTS.resources("AWS::Logs::LogGroup").get(logGroupId);
        assertThat(((Number) at(logGroup, "Properties", "RetentionInDays")).intValue()).isEqualTo(Settings.DEFAULT_LOG_RETENTION_DAYS);
    }

    @Test
    void theApiIsRegionalAndHasNoCorsUnlessOriginsAreConfigured() {
        Map<String, Object> api = at(DEFAULTS.only("AWS::ApiGateway::RestApi"), "Properties");
        assertThat((Object) at(api, "EndpointConfiguration", "Types")).isEqualTo(List.of("REGIONAL"));
        assertThat(DEFAULTS.resources("AWS::ApiGateway::Method").values())
                .noneMatch(method -> "OPTIONS".equals(at(method, "Properties", "HttpMethod")));
    }
}
