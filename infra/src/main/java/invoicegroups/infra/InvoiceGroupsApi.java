package invoicegroups.infra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.CognitoUserPoolsAuthorizer;
import software.amazon.awscdk.services.apigateway.CorsOptions;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The REST API: one method, GET /invoice_groups, behind a Cognito user-pools authorizer on this stack's pool that
 * requires the read scope. Any app client of the pool is accepted (no client list): which tenant a token speaks for
 * is decided when Cognito issues it, from the tenant registry.
 *
 * <p>API Gateway's own answers (gateway responses) are shaped as the function's {@code {"message": ...}}; see
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html for the types.
 */
final class InvoiceGroupsApi extends Construct {

    static final String RESOURCE_PATH = "invoice_groups";
    static final String STAGE_NAME = "v1";
    static final int CORS_MAX_AGE_HOURS = 1;
    static final String JSON = "application/json";

    /**
     * Status and body of each gateway response the stack shapes. DEFAULT_4_XX / DEFAULT_5_XX cover every other type
     * with API Gateway's own message; {@code $context.error.messageString} is that message already quoted as a JSON
     * string, the form AWS's own example uses
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.responseTemplates.html).
     */
    static final Map<ResponseType, GatewayAnswer> GATEWAY_RESPONSES = gatewayResponses();

    record GatewayAnswer(String id, String statusCode, String body) {
    }

    final RestApi api;
    final Method method;
    final LogGroup accessLogs;

    InvoiceGroupsApi(Construct scope, String id, Settings settings, IFunction handler, IUserPool userPool) {
        super(scope, id);
        this.accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(settings.logRetention())
                .removalPolicy(settings.removalPolicy())
                .build();
        RestApi.Builder restApi = RestApi.Builder.create(this, "RestApi")
                .restApiName(settings.stackName())
                .description("List invoice groups for the calling tenant")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                // API Gateway writes access logs through the account's one CloudWatch role (AWS::ApiGateway::Account):
                // created and kept by default; apiGatewayCloudWatchRole=false leaves an account's existing role alone.
                .cloudWatchRole(settings.apiGatewayCloudWatchRole());
        if (settings.apiGatewayCloudWatchRole()) {
            restApi.cloudWatchRoleRemovalPolicy(RemovalPolicy.RETAIN);
        }
        this.api = restApi
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE_NAME)
                        // Method throttling for every method of the stage ("/*/*").
                        .throttlingRateLimit(settings.throttleRateLimit())
                        .throttlingBurstLimit(settings.throttleBurstLimit())
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(accessLogFormat(settings.tenantClaim()))
                        .tracingEnabled(true)
                        .build())
                .build();
        // RestApi adds a stack output "Endpoint" of its own; the stack names its outputs itself (ApiUrl).
        api.getNode().tryRemoveChild("Endpoint");

        GATEWAY_RESPONSES.forEach((type, answer) -> api.addGatewayResponse(answer.id(), GatewayResponseOptions.builder()
                .type(type)
                .statusCode(answer.statusCode())
                .responseHeaders(Map.of("Content-Type", "'" + JSON + "'"))
                .templates(Map.of(JSON, answer.body()))
                .build()));

        CognitoUserPoolsAuthorizer authorizer = CognitoUserPoolsAuthorizer.Builder.create(this, "Authorizer")
                .cognitoUserPools(List.of(userPool))
                .identitySource("method.request.header.Authorization")
                .build();
        Resource invoiceGroups = api.getRoot().addResource(RESOURCE_PATH);
        if (!settings.corsAllowedOrigins().isEmpty()) {
            invoiceGroups.addCorsPreflight(CorsOptions.builder()
                    .allowOrigins(settings.corsAllowedOrigins())
                    .allowMethods(List.of("GET"))
                    .allowHeaders(List.of("Authorization"))
                    .maxAge(Duration.hours(CORS_MAX_AGE_HOURS))
                    .build());
        }
        this.method = invoiceGroups.addMethod("GET", LambdaIntegration.Builder.create(handler)
                        .proxy(true)
                        .allowTestInvoke(false)
                        .build(),
                MethodOptions.builder()
                        .authorizationType(AuthorizationType.COGNITO)
                        .authorizer(authorizer)
                        .authorizationScopes(List.of(TenantUserPool.READ_SCOPE))
                        .build());
    }

    /** The method's full URL. */
    String invoiceGroupsUrl() {
        return api.urlForPath("/" + RESOURCE_PATH);
    }

    /** One JSON object per request, with the fields an on-call engineer needs (REST API context variables). */
    static AccessLogFormat accessLogFormat(String tenantClaim) {
        return AccessLogFormat.custom("{"
                + "\"requestId\":\"$context.requestId\","
                + "\"extendedRequestId\":\"$context.extendedRequestId\","
                + "\"requestTime\":\"$context.requestTime\","
                + "\"sourceIp\":\"$context.identity.sourceIp\","
                + "\"httpMethod\":\"$context.httpMethod\","
                + "\"resourcePath\":\"$context.resourcePath\","
                + "\"status\":\"$context.status\","
                + "\"responseType\":\"$context.error.responseType\","
                + "\"error\":\"$context.error.message\","
                + "\"responseLength\":\"$context.responseLength\","
                + "\"responseLatency\":\"$context.responseLatency\","
                + "\"integrationStatus\":\"$context.integration.status\","
                + "\"integrationLatency\":\"$context.integration.latency\","
                + "\"integrationError\":\"$context.integration.error\","
                + "\"xrayTraceId\":\"$context.xrayTraceId\","
                + "\"clientId\":\"$context.authorizer.claims.client_id\","
                + "\"tenant\":\"$context.authorizer.claims." + tenantClaim + "\""
                + "}");
    }

    private static Map<ResponseType, GatewayAnswer> gatewayResponses() {
        String apiGatewayMessage = "{\"message\":$context.error.messageString}";
        Map<ResponseType, GatewayAnswer> responses = new LinkedHashMap<>();
        responses.put(ResponseType.UNAUTHORIZED, new GatewayAnswer("Unauthorized", "401", message("Unauthorized")));
        responses.put(ResponseType.ACCESS_DENIED, new GatewayAnswer("AccessDenied", "403", message("Forbidden")));
        // REST APIs answer an unknown path or method with 403 "Missing Authentication Token"; callers should see 404.
        responses.put(ResponseType.MISSING_AUTHENTICATION_TOKEN, new GatewayAnswer("NotFound", "404", message("Not Found")));
        responses.put(ResponseType.THROTTLED, new GatewayAnswer("Throttled", "429", message("Too Many Requests")));
        responses.put(ResponseType.DEFAULT_4_XX, new GatewayAnswer("Default4xx", null, apiGatewayMessage));
        responses.put(ResponseType.DEFAULT_5_XX, new GatewayAnswer("Default5xx", null, apiGatewayMessage));
        return Collections.unmodifiableMap(responses);
    }

    private static String message(String text) {
        return "{\"message\":\"" + text + "\"}";
    }
}
