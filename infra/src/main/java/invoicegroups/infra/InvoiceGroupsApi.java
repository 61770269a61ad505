package invoicegroups.infra;

import invoicegroups.table.AuthorizerContext;
import invoicegroups.table.Plan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.ApiKeySourceType;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.CorsOptions;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Period;
import software.amazon.awscdk.services.apigateway.QuotaSettings;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.apigateway.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.TokenAuthorizer;
import software.amazon.awscdk.services.apigateway.UsagePlan;
import software.amazon.awscdk.services.apigateway.UsagePlanPerApiStage;
import software.amazon.awscdk.services.apigateway.UsagePlanProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The REST API: one method, GET /invoice_groups, behind the stack's Lambda TOKEN authorizer (module authorizer),
 * which verifies the access token itself and decides the tenant from the tenant registry. Its Allow carries the
 * tenant's API key as usageIdentifierKey, the REST API's API key source is AUTHORIZER and the method requires an API
 * key, so API Gateway meters every call against the tenant's usage plan, one per {@link Plan}, before the function runs
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html). Callers send only
 * their bearer token.
 *
 * <p>The authorizer's decision is cached per token for {@code revocationSeconds}: the bound on how long a suspension,
 * removal or resumption takes to bite. API Gateway's own answers (gateway responses) are shaped as the function's
 * {@code {"message": ...}}; see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 * for the types and https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html
 * for what a Lambda authorizer's answers become.
 */
final class InvoiceGroupsApi extends Construct {

    static final String RESOURCE_PATH = "invoice_groups";
    static final String STAGE_NAME = "v1";
    static final int CORS_MAX_AGE_HOURS = 1;
    static final String JSON = "application/json";
    /** The header the authorizer reads the bearer token from (its identity source, and the cache key). */
    static final String AUTHORIZATION_HEADER = "Authorization";

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
    final TokenAuthorizer authorizer;
    /** One usage plan per plan, by plan name (also the usage plan's name, which the tenants command finds it by). */
    final Map<String, UsagePlan> usagePlans = new LinkedHashMap<>();

    /**
     * @param handler the list function's alias
     * @param authorizerHandler the authorizer function's alias
     */
    InvoiceGroupsApi(Construct scope, String id, Settings settings, IFunction handler, IFunction authorizerHandler) {
        super(scope, id);
        this.accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(settings.logRetention())
                .removalPolicy(settings.removalPolicy())
                .build();
        RestApi.Builder restApi = RestApi.Builder.create(this, "RestApi")
                .restApiName(settings.stackName())
                .description("List invoice groups for the calling tenant")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                // The API key that meters a call is the one the authorizer returns (usageIdentifierKey), never a header.
                .apiKeySourceType(ApiKeySourceType.AUTHORIZER)
                // API Gateway writes access logs through the account's one CloudWatch role (AWS::ApiGateway::Account):
                // created and kept by default; apiGatewayCloudWatchRole=false leaves an account's existing role alone.
                .cloudWatchRole(settings.apiGatewayCloudWatchRole());
        if (settings.apiGatewayCloudWatchRole()) {
            restApi.cloudWatchRoleRemovalPolicy(RemovalPolicy.RETAIN);
        }
        this.api = restApi
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE_NAME)
                        // Method throttling for every method of the stage ("/*/*"): the cap over all tenants together,
                        // applied after each tenant's usage plan.
                        .throttlingRateLimit(settings.throttleRateLimit())
                        .throttlingBurstLimit(settings.throttleBurstLimit())
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(accessLogFormat())
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

        // A new construct id, so CloudFormation creates it beside the former Cognito authorizer and then deletes that.
        this.authorizer = TokenAuthorizer.Builder.create(this, "TokenAuthorizer")
                .handler(authorizerHandler)
                .identitySource("method.request.header." + AUTHORIZATION_HEADER)
                .resultsCacheTtl(Duration.seconds(settings.revocationSeconds()))
                .build();
        Resource invoiceGroups = api.getRoot().addResource(RESOURCE_PATH);
        if (!settings.corsAllowedOrigins().isEmpty()) {
            invoiceGroups.addCorsPreflight(CorsOptions.builder()
                    .allowOrigins(settings.corsAllowedOrigins())
                    .allowMethods(List.of("GET"))
                    .allowHeaders(List.of(AUTHORIZATION_HEADER))
                    .maxAge(Duration.hours(CORS_MAX_AGE_HOURS))
                    .build());
        }
        this.method = invoiceGroups.addMethod("GET", LambdaIntegration.Builder.create(handler)
                        .proxy(true)
                        .allowTestInvoke(false)
                        .build(),
                MethodOptions.builder()
                        .authorizationType(AuthorizationType.CUSTOM)
                        .authorizer(authorizer)
                        // Metered against the usage plan of the key the authorizer returns; no key, no call.
                        .apiKeyRequired(true)
                        .build());

        settings.plans().values().forEach(plan -> usagePlans.put(plan.name(), api.addUsagePlan("UsagePlan-" + plan.name(),
                usagePlan(plan))));
        // The operator command finds the default plan by this tag (GetUsagePlans returns tags), here and locally.
        Tags.of(usagePlans.get(settings.defaultPlan())).add(Plan.DEFAULT_PLAN_TAG, Plan.DEFAULT_PLAN_TAG_VALUE);
    }

    /** A plan as an API Gateway usage plan on this stage: its name, and its limits for each tenant (API key) in it. */
    private UsagePlanProps usagePlan(Plan plan) {
        UsagePlanProps.Builder props = UsagePlanProps.builder()
                .name(plan.name())
                .description("Plan " + plan.name() + " of the invoice groups API: the limits of each tenant in it")
                .throttle(ThrottleSettings.builder().rateLimit(plan.rateLimit()).burstLimit(plan.burstLimit()).build())
                .apiStages(List.of(UsagePlanPerApiStage.builder().api(api).stage(api.getDeploymentStage()).build()));
        plan.monthlyQuota().ifPresent(quota -> props.quota(QuotaSettings.builder().limit(quota).period(Period.MONTH).build()));
        return props.build();
    }

    /** The method's full URL. */
    String invoiceGroupsUrl() {
        return api.urlForPath("/" + RESOURCE_PATH);
    }

    /**
     * One JSON object per request, with the fields an on-call engineer needs: REST API context variables
     * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-variables-for-access-logging.html), among
     * them the authorizer's context ({@code $context.authorizer.<key>}, {@link AuthorizerContext}) and the API key
     * that metered the call. The Contributor Insights rules read {@code tenant}, {@code status} and {@code responseType}.
     */
    static AccessLogFormat accessLogFormat() {
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
                + "\"authorizerLatency\":\"$context.authorizer.latency\","
                + "\"authorizerStatus\":\"$context.authorizer.integrationStatus\","
                + "\"tenant\":\"$context.authorizer." + AuthorizerContext.TENANT_ID + "\","
                + "\"clientId\":\"$context.authorizer." + AuthorizerContext.CLIENT_ID + "\","
                + "\"plan\":\"$context.authorizer." + AuthorizerContext.PLAN + "\","
                + "\"apiKeyId\":\"$context.identity.apiKeyId\""
                + "}");
    }

    private static Map<ResponseType, GatewayAnswer> gatewayResponses() {
        String apiGatewayMessage = "{\"message\":$context.error.messageString}";
        Map<ResponseType, GatewayAnswer> responses = new LinkedHashMap<>();
        String internalError = message("Internal Server Error");
        // The authorizer threw "Unauthorized": no token, or not a verifiable access token of the pool.
        responses.put(ResponseType.UNAUTHORIZED, new GatewayAnswer("Unauthorized", "401", message("Unauthorized")));
        // The authorizer's Deny: no read scope (RFC 6750 insufficient_scope), or the registry does not allow the caller.
        responses.put(ResponseType.ACCESS_DENIED, new GatewayAnswer("AccessDenied", "403", message("Forbidden")));
        // The tenant's API key is in no usage plan (or disabled): refused as any other denial.
        responses.put(ResponseType.INVALID_API_KEY, new GatewayAnswer("InvalidApiKey", "403", message("Forbidden")));
        // REST APIs answer an unknown path or method with 403 "Missing Authentication Token"; callers should see 404.
        responses.put(ResponseType.MISSING_AUTHENTICATION_TOKEN, new GatewayAnswer("NotFound", "404", message("Not Found")));
        // Above the tenant's plan (rate or burst), or above the stage's limit over all tenants.
        responses.put(ResponseType.THROTTLED, new GatewayAnswer("Throttled", "429", message("Too Many Requests")));
        // The tenant's monthly quota is used up.
        responses.put(ResponseType.QUOTA_EXCEEDED, new GatewayAnswer("QuotaExceeded", "429", message("Limit Exceeded")));
        // The authorizer failed (registry or JWKS unavailable, timeout, throttled) or could not be called.
        responses.put(ResponseType.AUTHORIZER_FAILURE, new GatewayAnswer("AuthorizerFailure", "500", internalError));
        responses.put(ResponseType.AUTHORIZER_CONFIGURATION_ERROR,
                new GatewayAnswer("AuthorizerConfigurationError", "500", internalError));
        responses.put(ResponseType.DEFAULT_4_XX, new GatewayAnswer("Default4xx", null, apiGatewayMessage));
        responses.put(ResponseType.DEFAULT_5_XX, new GatewayAnswer("Default5xx", null, apiGatewayMessage));
        return Collections.unmodifiableMap(responses);
    }

    private static String message(String text) {
        return "{\"message\":\"" + text + "\"}";
    }
}
