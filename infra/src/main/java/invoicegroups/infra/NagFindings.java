package invoicegroups.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.services.apigateway.Method;

/**
 * The cdk-nag findings and CDK warnings this stack accepts, each for a stated reason. Anything else fails
 * {@code cdk synth} (cdk-nag errors) and the tests (any error or warning).
 */
final class NagFindings {

    static final String XRAY_REASON = "Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords"
            + " support no resource-level permissions, so AWS requires Resource '*' for them (CDK adds exactly these two).";
    static final String THREAT_PROTECTION_REASON = "Threat protection (AdvancedSecurityMode ENFORCED) needs the Plus"
            + " feature plan and evaluates user sign-ins; this pool has no users (self sign-up off), only app clients"
            + " using the client-credentials grant, which threat protection does not assess.";
    /** Acknowledged by {@link SnapStartFunction} on each function. */
    static final String SNAPSTART_PUBLISH_REASON = "The function is only invoked through an alias on"
            + " function.currentVersion, a published version, so SnapStart applies.";
    static final String API_CLOUDWATCH_ROLE_REASON = "API Gateway writes the access logs of every REST API in the"
            + " account and region through one account-level role (AWS::ApiGateway::Account); AWS documents the managed"
            + " policy AmazonAPIGatewayPushToCloudWatchLogs for it, and it cannot be narrowed to this stack's log group.";
    static final String REQUEST_VALIDATION_REASON = "GET without a body: the function validates pageSize and nextToken"
            + " itself and answers 400 with a message naming the parameter; an API Gateway validator would answer in"
            + " another shape and check nothing more.";
    static final String WAF_REASON = "Every request needs a verified access token of this stack's user pool, each"
            + " tenant is throttled by its usage plan and all tenants together by the stage; a WAF web ACL is an"
            + " account-wide decision (and cost) of the platform team, attachable to the stage ARN later.";
    static final String EXECUTION_LOGS_REASON = "JSON access logs record every request with status, error, response"
            + " type, the authorizer's decision (tenant, client, plan) and the API key; execution logs would go to a log"
            + " group API Gateway creates outside the stack, without retention, and may log request data.";
    static final String RUN_TIME_API_KEYS_REASON = "DeleteApiKey and DeleteUsagePlanKey name the key in the resource"
            + " path, and the tenants command creates each tenant's API key at run time, so no key id can be in the"
            + " template. /apikeys/* covers API keys only (the command deletes only keys named"
            + " invoice-groups/<restApiId>/<tenant>); /usageplans/<id>/keys/* only keys in this stack's usage plans.";
    static final String LAMBDA_AUTHORIZER_REASON = "The method's authorizer is a Lambda TOKEN authorizer that verifies"
            + " access tokens of this stack's Cognito user pool itself (RS256 signature from the pool's JWKS, issuer,"
            + " token_use access, expiry, the invoice-groups/read scope) and then reads the tenant registry; a Cognito"
            + " user-pools authorizer can do neither the registry check (suspension within revocationSeconds) nor return"
            + " the tenant's API key as usageIdentifierKey for its usage plan.";
    static final String CORS_PREFLIGHT_REASON = "CORS preflight (OPTIONS) must be answered without credentials:"
            + " browsers send no Authorization header on preflight. It returns only CORS headers, never data.";

    private NagFindings() {
    }

    static void suppressJustified(InvoiceGroupsStack stack) {
        NagSuppressions.addResourceSuppressions(stack.listFunction.function.getRole(), List.of(
                suppression("AwsSolutions-IAM5", XRAY_REASON, "Resource::*")), true);
        NagSuppressions.addResourceSuppressions(stack.userPool.pool, List.of(
                suppression("AwsSolutions-COG3", THREAT_PROTECTION_REASON, null)));
        if (stack.settings.apiGatewayCloudWatchRole()) {
            NagSuppressions.addResourceSuppressions(stack.api.api.getNode().findChild("CloudWatchRole"), List.of(
                    suppression("AwsSolutions-IAM4", API_CLOUDWATCH_ROLE_REASON,
                            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs")));
        }
        NagSuppressions.addResourceSuppressions(stack.api.api, List.of(
                suppression("AwsSolutions-APIG2", REQUEST_VALIDATION_REASON, null)));
        NagSuppressions.addResourceSuppressions(stack.api.api.getDeploymentStage(), List.of(
                suppression("AwsSolutions-APIG3", WAF_REASON, null),
                suppression("AwsSolutions-APIG6", EXECUTION_LOGS_REASON, null)));
        List<String> runTimeKeys = new ArrayList<>(List.of(apiGatewayResource("/apikeys/*")));
        stack.api.usagePlans.values().forEach(plan -> runTimeKeys.add(apiGatewayResource(
                "/usageplans/<" + stack.getLogicalId((CfnElement) plan.getNode().getDefaultChild()) + ">/keys/*")));
        NagSuppressions.addResourceSuppressions(stack.operatorPolicies.tenantOperator, runTimeKeys.stream()
                .map(resource -> suppression("AwsSolutions-IAM5", RUN_TIME_API_KEYS_REASON, resource)).toList());
        NagSuppressions.addResourceSuppressions(stack.api.method, List.of(
                suppression("AwsSolutions-COG4", LAMBDA_AUTHORIZER_REASON, null)));
        stack.api.api.getMethods().stream()
                .filter(method -> "OPTIONS".equals(method.getHttpMethod()))
                .forEach(NagFindings::suppressPreflight);
    }

    /** cdk-nag's name for an API Gateway resource ARN of this stack's region (OperatorPolicies.apiGateway). */
    private static String apiGatewayResource(String path) {
        return "Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::" + path;
    }

    private static void suppressPreflight(Method preflight) {
        NagSuppressions.addResourceSuppressions(preflight, List.of(
                suppression("AwsSolutions-APIG4", CORS_PREFLIGHT_REASON, null),
                suppression("AwsSolutions-COG4", CORS_PREFLIGHT_REASON, null)));
    }

    private static NagPackSuppression suppression(String rule, String reason, String appliesTo) {
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(rule).reason(reason);
        if (appliesTo != null) {
            suppression.appliesTo(List.of(appliesTo));
        }
        return suppression.build();
    }
}
