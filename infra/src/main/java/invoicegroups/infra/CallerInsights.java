package invoicegroups.infra;

import invoicegroups.table.TokenRequestLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.CfnInsightRule;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * Who is calling, as CloudWatch Contributor Insights rules over the stack's JSON logs
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContributorInsights-RuleSyntax.html): token requests
 * per app client (the trigger's one line per token request), and requests and 429 answers per tenant (the REST API's
 * access logs, whose {@code tenant} is the authorizer's decision). The dashboard shows their top contributors; the
 * TokenRequestStorm alarm watches the first one's top contributor.
 *
 * <p>Rule names are unique per account and Region: each starts with the stack name.
 */
final class CallerInsights extends Construct {

    static final int MAX_RULE_NAME_LENGTH = 128;
    static final String TOKEN_REQUESTS_BY_CLIENT = "-TokenRequestsByClient";
    static final String REQUESTS_BY_TENANT = "-RequestsByTenant";
    static final String THROTTLED_BY_TENANT = "-ThrottledByTenant";
    static final int MAX_STACK_NAME_LENGTH = MAX_RULE_NAME_LENGTH - TOKEN_REQUESTS_BY_CLIENT.length();
    /** The answer status the throttled rule counts: THROTTLED and QUOTA_EXCEEDED are both 429 here. */
    static final String TOO_MANY_REQUESTS = "429";

    final CfnInsightRule tokenRequestsByClient;
    final CfnInsightRule requestsByTenant;
    final CfnInsightRule throttledByTenant;

    CallerInsights(Construct scope, String id, Settings settings, ILogGroup triggerLogs, ILogGroup accessLogs) {
        super(scope, id);
        this.tokenRequestsByClient = rule("TokenRequestsByClient", settings.stackName() + TOKEN_REQUESTS_BY_CLIENT,
                triggerLogs, List.of("$." + TokenRequestLine.CLIENT_ID),
                List.of(filter("$.message", TokenRequestLine.MESSAGE)));
        this.requestsByTenant = rule("RequestsByTenant", settings.stackName() + REQUESTS_BY_TENANT,
                accessLogs, List.of("$.tenant"), List.of());
        this.throttledByTenant = rule("ThrottledByTenant", settings.stackName() + THROTTLED_BY_TENANT,
                accessLogs, List.of("$.tenant", "$.responseType"), List.of(filter("$.status", TOO_MANY_REQUESTS)));
    }

    /**
     * The rule's statistic as a metric, e.g. MaxContributorValue: the count of its top contributor in each period
     * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetInsightRuleReport.html).
     */
    static MathExpression metric(CfnInsightRule rule, String statistic, String label, Duration period) {
        return MathExpression.Builder.create()
                .expression("INSIGHT_RULE_METRIC('" + rule.getAttrRuleName() + "', '" + statistic + "')")
                .label(label)
                .period(period)
                .build();
    }

    private CfnInsightRule rule(String id, String name, ILogGroup logGroup, List<String> keys, List<Map<String, Object>> filters) {
        Map<String, Object> contribution = new LinkedHashMap<>();
        contribution.put("Keys", keys);
        if (!filters.isEmpty()) {
            contribution.put("Filters", filters);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("Name", "CloudWatchLogRule");
        schema.put("Version", 1);
        body.put("Schema", schema);
        body.put("LogGroupNames", List.of(logGroup.getLogGroupName()));
        body.put("LogFormat", "JSON");
        body.put("Contribution", contribution);
        body.put("AggregateOn", "Count");
        return CfnInsightRule.Builder.create(this, id)
                .ruleName(name)
                .ruleState("ENABLED")
                .ruleBody(Stack.of(this).toJsonString(body))
                .build();
    }

    private static Map<String, Object> filter(String field, String value) {
        return Map.of("Match", field, "In", List.of(value));
    }
}
