package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    @Test
    void theOnlyRouteIsGetInvoiceGroupsBehindTheJwtAuthorizerRequiringTheReadScope() {
        Map<String, Object> route = DEFAULTS.only("AWS::ApiGatewayV2::Route");
        String authorizerId = DEFAULTS.resources("AWS::ApiGatewayV2::Authorizer").keySet().iterator().next();
        assertThat((Map<String, Object>) at(route, "Properties"))
                .containsEntry("RouteKey", "GET /invoice_groups")
                .containsEntry("AuthorizationType", "JWT")
                .containsEntry("AuthorizerId", Map.of("Ref", authorizerId))
                .containsEntry("AuthorizationScopes", List.of("invoice-groups/read"));
    }

    @Test
    void theAuthorizerTrustsThisPoolsIssuerForTheTenantClientsFromTheAuthorizationHeader() {
        Map<String, Object> authorizer = at(DEFAULTS.only("AWS::ApiGatewayV2::Authorizer"), "Properties");
        String poolId = DEFAULTS.resources("AWS::Cognito::UserPool").keySet().iterator().next();
        String clientId = DEFAULTS.resources("AWS::Cognito::UserPoolClient").keySet().iterator().next();
        assertThat(authorizer).containsEntry("AuthorizerType", "JWT")
                .containsEntry("IdentitySource", List.of("$request.header.Authorization"));
        assertThat((Object) at(authorizer, "JwtConfiguration", "Audience")).isEqualTo(List.of(Map.of("Ref", clientId)));
        assertThat((Object) at(authorizer, "JwtConfiguration", "Issuer")).isEqualTo(Map.of("Fn::Join", List.of("", List.of(
                "https://cognito-idp.", Map.of("Ref", "AWS::Region"), ".", Map.of("Ref", "AWS::URLSuffix"), "/",
                Map.of("Ref", poolId)))));
    }

    @Test
    void theRouteInvokesTheSnapStartAliasWithPayloadFormat2() {
        String aliasId = DEFAULTS.resources("AWS::Lambda::Alias").keySet().iterator().next();
        Map<String, Object> integration = at(DEFAULTS.only("AWS::ApiGatewayV2::Integration"), "Properties");
        assertThat(integration).containsEntry("IntegrationType", "AWS_PROXY")
                .containsEntry("PayloadFormatVersion", "2.0")
                .containsEntry("IntegrationUri", Map.of("Ref", aliasId));
        DEFAULTS.template().hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Principal", "apigateway.amazonaws.com",
                "FunctionName", Map.of("Ref", aliasId)));
    }

    @Test
    void theDefaultStageThrottlesAtTheNamedLimits() {
        Map<String, Object> stage = at(DEFAULTS.only("AWS::ApiGatewayV2::Stage"), "Properties");
        assertThat(stage).containsEntry("StageName", "$default").containsEntry("AutoDeploy", true);
        assertThat(((Number) at(stage, "DefaultRouteSettings", "ThrottlingRateLimit")).intValue())
                .isEqualTo(Settings.DEFAULT_THROTTLE_RATE_LIMIT);
        assertThat(((Number) at(stage, "DefaultRouteSettings", "ThrottlingBurstLimit")).intValue())
                .isEqualTo(Settings.DEFAULT_THROTTLE_BURST_LIMIT);
    }

    @Test
    void theDefaultStageWritesJsonAccessLogsToAGroupWithBoundedRetention() {
        Map<String, Object> stage = at(DEFAULTS.only("AWS::ApiGatewayV2::Stage"), "Properties");
        String logGroupId = at(stage, "AccessLogSettings", "DestinationArn", "Fn::GetAtt", 0);
        String format = at(stage, "AccessLogSettings", "Format");
        assertThat(format).startsWith("{").endsWith("}")
                .contains("\"requestId\":\"$context.requestId\"", "\"status\":\"$context.status\"",
                        "\"tenant\":\"$context.authorizer.claims.tenant_id\"");
        Map<String, Object> logGroup = DEFAULTS.resources("AWS::Logs::LogGroup").get(logGroupId);
        assertThat(((Number) at(logGroup, "Properties", "RetentionInDays")).intValue())
                .isEqualTo(Settings.DEFAULT_LOG_RETENTION_DAYS);
    }

    @Test
    void corsIsOffUnlessOriginsAreConfigured() {
        Map<String, Object> api = at(DEFAULTS.only("AWS::ApiGatewayV2::Api"), "Properties");
        assertThat(api).containsEntry("ProtocolType", "HTTP").doesNotContainKey("CorsConfiguration");
    }
}
