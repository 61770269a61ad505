package invoicegroups.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * List invoice groups, deployed: DynamoDB tables (invoice groups, tenant registry), a Lambda function (SnapStart)
 * behind a REST API with a Lambda TOKEN authorizer and one usage plan per plan, the Cognito user pool and trigger that
 * issue tenants' tokens, Contributor Insights rules on who is calling, operator policies, day-one alarms, an on-call
 * dashboard and a CodeDeploy canary for the function.
 *
 * <p>Environment-agnostic (no account, no region, no lookups), so it synthesises without AWS credentials. Nothing
 * per tenant is in it: tenants are registry items and app clients, created at run time by the {@code tenants} command.
 */
public final class InvoiceGroupsStack extends Stack {

    final Settings settings;
    final InvoiceGroupsStore store;
    final TenantRegistryStore registry;
    final SnapStartFunction listFunction;
    final TenantUserPool userPool;
    final SnapStartFunction authorizer;
    final InvoiceGroupsApi api;
    final CallerInsights insights;
    final OperationalAlarms alarms;
    final OperatorPolicies operatorPolicies;
    /** Null with {@code deploymentStrategy=all-at-once}. */
    final SafeRollout rollout;
    /** Later parts of the stack add their own sections with {@link OperationsDashboard#addSection}. */
    final OperationsDashboard dashboard;

    public InvoiceGroupsStack(Construct scope, String id, Settings settings) {
        super(scope, id, StackProps.builder()
                .description("List invoice groups: REST API, Lambda authorizer, usage plans, Lambda, DynamoDB, tenant registry, alarms")
                .build());
        this.settings = settings;
        this.store = new InvoiceGroupsStore(this, "InvoiceGroups", settings);
        this.registry = new TenantRegistryStore(this, "TenantRegistry", settings);
        this.listFunction = ListInvoiceGroupsFunction.create(this, "ListInvoiceGroups", settings, store.table);
        this.userPool = new TenantUserPool(this, "Tokens", settings, registry.table);
        this.authorizer = AuthorizerFunction.create(this, "Authorizer", settings, registry.table, userPool.issuer());
        this.api = new InvoiceGroupsApi(this, "Api", settings, listFunction.alias, authorizer.alias);
        this.insights = new CallerInsights(this, "Callers", settings, userPool.trigger.logs.logGroup, api.accessLogs);
        this.alarms = new OperationalAlarms(this, "Alarms", settings, api.api.getDeploymentStage(),
                listFunction.function, store.table, insights);
        this.operatorPolicies = new OperatorPolicies(this, "Operators", userPool.pool, registry, store.table,
                api.usagePlans.values());
        this.rollout = settings.deploymentStrategy() == Settings.DeploymentStrategy.CANARY
                ? new SafeRollout(this, "Rollout", settings, listFunction)
                : null;
        this.dashboard = new OperationsDashboard(this, "Operations");
        DashboardSections.addTo(dashboard, this);

        output("ApiUrl", api.api.getUrl(), "Base URL of the REST API's stage");
        output("RestApiId", api.api.getRestApiId(), "The REST API: its usage plans (one per plan) hold the tenants' API keys");
        output("InvoiceGroupsUrl", api.invoiceGroupsUrl(), "GET this URL with a bearer token");
        output("TableName", store.table.getTableName(), "The invoice groups DynamoDB table");
        output("TenantRegistryTableName", registry.table.getTableName(), "The tenant registry (app client id to tenant)");
        output("UserPoolId", userPool.pool.getUserPoolId(), "Cognito user pool that issues the tokens");
        output("TokenEndpoint", userPool.tokenEndpoint(), "POST client credentials here for an access token");
        output("JwtIssuer", userPool.issuer(), "The issuer (iss) of the pool's access tokens");
        output("AccessTokenValidityMinutes", String.valueOf(settings.accessTokenValidityMinutes()),
                "Access-token lifetime the tenants command gives the app clients it creates");
        output("DefaultPlan", settings.defaultPlan(), "The plan of a tenant added without --plan");
        output("RevocationSeconds", String.valueOf(settings.revocationSeconds()),
                "How long the authorizer's decision is cached per token: a suspension or removal bites within this");
        output("AlarmTopicArn", alarms.topic.getTopicArn(), "SNS topic the alarms notify");
        output("DashboardUrl", dashboard.url(), "The on-call dashboard in the CloudWatch console");
        output("ListFunctionLogGroupName", listFunction.function.getLogGroup().getLogGroupName(),
                "The list function's logs (JSON; one line per left-out stored item and per 5xx)");
        output("TokenTriggerLogGroupName", userPool.trigger.function.getLogGroup().getLogGroupName(),
                "The token trigger's logs (one JSON line per token request, issued or refused)");
        output("AuthorizerLogGroupName", authorizer.function.getLogGroup().getLogGroupName(),
                "The Lambda authorizer's logs (one JSON line per decision)");
        output("ApiAccessLogGroupName", api.accessLogs.getLogGroupName(),
                "The REST API's access logs (one JSON line per request)");
        output("TenantOperatorPolicyArn", operatorPolicies.tenantOperator.getManagedPolicyArn(),
                "Attach to whoever runs the tenants command");
        output("DataImportPolicyArn", operatorPolicies.dataImport.getManagedPolicyArn(),
                "Attach to whoever runs the import command");
        NagFindings.suppressJustified(this);
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
