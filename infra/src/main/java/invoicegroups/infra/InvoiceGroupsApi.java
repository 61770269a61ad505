package invoicegroups.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API: one route, GET /invoice_groups, behind a JWT authorizer that requires the read scope. API Gateway
 * itself answers 401 (no or bad token), 403 (no read scope), 404 (any other route) and 429 (over the stage's limits).
 */
final class InvoiceGroupsApi extends Construct {

    static final String ROUTE_PATH = "/invoice_groups";
    static final String DEFAULT_STAGE = "$default";
    static final int CORS_MAX_AGE_HOURS = 1;

    final HttpApi api;
    final HttpStage stage;
    final LogGroup accessLogs;

    InvoiceGroupsApi(Construct scope, String id, Settings settings, IFunction handler, String issuer,
                     List<String> audience, String requiredScope) {
        super(scope, id);
        HttpApi.Builder api = HttpApi.Builder.create(this, "HttpApi")
                .description("List invoice groups for the calling tenant")
                // Created below, with access logs and throttling.
                .createDefaultStage(false);
        if (!settings.corsAllowedOrigins().isEmpty()) {
            api.corsPreflight(CorsPreflightOptions.builder()
                    .allowOrigins(settings.corsAllowedOrigins())
                    .allowMethods(List.of(CorsHttpMethod.GET))
                    .allowHeaders(List.of("Authorization"))
                    .maxAge(Duration.hours(CORS_MAX_AGE_HOURS))
                    .build());
        }
        this.api = api.build();

        this.accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(settings.logRetention())
                .removalPolicy(settings.destroyable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        this.stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(this.api)
                .stageName(DEFAULT_STAGE)
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(settings.throttleRateLimit())
                        .burstLimit(settings.throttleBurstLimit())
                        .build())
                .accessLogSettings(new JsonAccessLogs(new LogGroupLogDestination(accessLogs), settings.tenantClaim()))
                .build();

        HttpJwtAuthorizer authorizer = new HttpJwtAuthorizer("JwtAuthorizer", issuer, HttpJwtAuthorizerProps.builder()
                .authorizerName("jwt")
                .jwtAudience(audience)
                .build());
        this.api.addRoutes(AddRoutesOptions.builder()
                .path(ROUTE_PATH)
                .methods(List.of(HttpMethod.GET))
                .integration(new HttpLambdaIntegration("ListInvoiceGroups", handler, HttpLambdaIntegrationProps.builder()
                        .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
                        .build()))
                .authorizer(authorizer)
                .authorizationScopes(List.of(requiredScope))
                .build());
    }

    /** The route's full URL. */
    String routeUrl() {
        return api.getApiEndpoint() + ROUTE_PATH;
    }

    /** One JSON object per request, with the fields an on-call engineer needs (HTTP API context variables only). */
    // A class, not a record: jsii would take a record's destination() accessor for a method named like the property.
    private static final class JsonAccessLogs implements IAccessLogSettings {

        private final IAccessLogDestination logDestination;
        private final String tenantClaim;

        JsonAccessLogs(IAccessLogDestination logDestination, String tenantClaim) {
            this.logDestination = logDestination;
            this.tenantClaim = tenantClaim;
        }

        @Override
        public IAccessLogDestination getDestination() {
            return logDestination;
        }

        @Override
        public AccessLogFormat getFormat() {
            return AccessLogFormat.custom("{"
                    + "\"requestId\":\"$context.requestId\","
                    + "\"requestTime\":\"$context.requestTime\","
                    + "\"sourceIp\":\"$context.identity.sourceIp\","
                    + "\"httpMethod\":\"$context.httpMethod\","
                    + "\"path\":\"$context.path\","
                    + "\"routeKey\":\"$context.routeKey\","
                    + "\"status\":\"$context.status\","
                    + "\"responseLength\":\"$context.responseLength\","
                    + "\"responseLatency\":\"$context.responseLatency\","
                    + "\"integrationStatus\":\"$context.integrationStatus\","
                    + "\"integrationLatency\":\"$context.integrationLatency\","
                    + "\"integrationError\":\"$context.integrationErrorMessage\","
                    + "\"authorizerError\":\"$context.authorizer.error\","
                    + "\"clientId\":\"$context.authorizer.claims.client_id\","
                    + "\"tenant\":\"$context.authorizer.claims." + tenantClaim + "\""
                    + "}");
        }
    }
}
