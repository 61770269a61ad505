package invoicegroups.infra;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * List invoice groups, deployed: DynamoDB table, SnapStart Lambda behind an HTTP API with a JWT authorizer, the
 * Cognito user pool that issues tenants' tokens (or an existing issuer), and day-one alarms.
 *
 * <p>Environment-agnostic (no account, no region, no lookups), so it synthesises without AWS credentials.
 */
public final class InvoiceGroupsStack extends Stack {

    final Settings settings;
    final InvoiceGroupsStore store;
    final ListInvoiceGroupsFunction listFunction;
    /** Null when tokens come from an existing user pool or OIDC issuer ({@code userPoolId} / {@code jwtIssuer}). */
    final TenantUserPool userPool;
    final InvoiceGroupsApi api;
    final OperationalAlarms alarms;

    public InvoiceGroupsStack(Construct scope, String id, Settings settings) {
        super(scope, id, StackProps.builder()
                .description("List invoice groups: HTTP API, JWT authorizer, Lambda (SnapStart), DynamoDB, Cognito, alarms")
                .build());
        this.settings = settings;
        this.store = new InvoiceGroupsStore(this, "InvoiceGroups", settings);
        this.listFunction = new ListInvoiceGroupsFunction(this, "ListInvoiceGroups", settings, store.table);
        this.userPool = settings.ownsUserPool() ? new TenantUserPool(this, "Tokens", settings) : null;
        String issuer = userPool != null ? userPool.issuer() : externalIssuer(settings);
        List<String> audience = userPool != null ? userPool.clientIds() : settings.jwtAudience();
        this.api = new InvoiceGroupsApi(this, "Api", settings, listFunction.alias, issuer, audience,
                TenantUserPool.READ_SCOPE);
        this.alarms = new OperationalAlarms(this, "Alarms", settings, api.api, listFunction.function, store.table);

        output("ApiUrl", api.api.getApiEndpoint(), "Base URL of the HTTP API");
        output("InvoiceGroupsUrl", api.routeUrl(), "GET this URL with a bearer token");
        output("TableName", store.table.getTableName(), "The invoice groups DynamoDB table");
        output("JwtIssuer", issuer, "The issuer the JWT authorizer accepts");
        output("AlarmTopicArn", alarms.topic.getTopicArn(), "SNS topic the alarms notify");
        if (userPool != null) {
            output("UserPoolId", userPool.pool.getUserPoolId(), "Cognito user pool that issues the tokens");
            output("TokenEndpoint", userPool.tokenEndpoint(), "POST client credentials here for an access token");
            userPool.clientsByTenant.forEach((tenant, client) -> output("AppClientId" + outputSuffix(tenant),
                    client.getUserPoolClientId(), "App client of tenant " + tenant + " (client-credentials grant)"));
        }
        NagFindings.suppressJustified(this);
    }

    /** Output and construct ids accept letters and digits only: "acme-eu.prod" becomes "AcmeEuProd". */
    static String outputSuffix(String tenant) {
        StringBuilder suffix = new StringBuilder();
        for (String part : tenant.split("[-_.]")) {
            if (!part.isEmpty()) {
                suffix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return suffix.toString();
    }

    private static String externalIssuer(Settings settings) {
        return settings.jwtIssuer().orElseGet(() -> TenantUserPool.issuerOf(settings.userPoolId().orElseThrow()));
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
