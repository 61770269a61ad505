package invoicegroups.infra;

import invoicegroups.table.FunctionMetrics;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.Stage;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.CfnInsightRule;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.LogQueryVisualizationType;
import software.amazon.awscdk.services.cloudwatch.LogQueryWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * What the on-call engineer looks at first, in {@link OperationsDashboard} sections: requests and answers at the
 * gateway, who is calling (top tenants by requests and by 429s, throttling by plan), the list function, the Lambda
 * authorizer, cold starts, the two tables, the token trigger (with token requests per app client), and every alarm's
 * state. Metric names and
 * dimensions: REST API https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html,
 * Lambda https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html, DynamoDB
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html.
 */
final class DashboardSections {

    static final Duration PERIOD = Duration.minutes(1);
    static final int THIRD = OperationsDashboard.ROW_WIDTH / 3;
    static final int HALF = OperationsDashboard.ROW_WIDTH / 2;
    static final int QUARTER = OperationsDashboard.ROW_WIDTH / 4;

    /** Answers the gateway or the function gave with a 4xx or 5xx, counted by status and gateway response type. */
    static final String ANSWERS_BY_TYPE_QUERY = String.join("\n",
            "fields status, responseType",
            "| filter status like /^[45]/",
            "| stats count(*) as answers by status, responseType",
            "| sort answers desc");
    /** 429 answers by the caller's plan and gateway response type (THROTTLED: rate or burst; QUOTA_EXCEEDED: monthly). */
    static final String THROTTLED_BY_PLAN_QUERY = String.join("\n",
            "filter status = \"429\"",
            "| stats count(*) as answers by plan, responseType",
            "| sort answers desc");
    /**
     * Init (cold start without SnapStart) and restore (SnapStart) durations from the REPORT records Lambda writes in
     * JSON log format (type platform.report, record.metrics).
     */
    static final String COLD_STARTS_QUERY = String.join("\n",
            "filter type = \"platform.report\"",
            "| stats count(record.metrics.initDurationMs) as inits, avg(record.metrics.initDurationMs) as initAvgMs,"
                    + " max(record.metrics.initDurationMs) as initMaxMs, count(record.metrics.restoreDurationMs) as restores,"
                    + " avg(record.metrics.restoreDurationMs) as restoreAvgMs, max(record.metrics.restoreDurationMs) as restoreMaxMs"
                    + " by bin(5m)");

    private DashboardSections() {
    }

    static void addTo(OperationsDashboard dashboard, InvoiceGroupsStack stack) {
        Stage stage = stack.api.api.getDeploymentStage();
        Function list = stack.listFunction.function;
        Function trigger = stack.userPool.trigger.function;
        Function authorizer = stack.authorizer.function;
        CallerInsights insights = stack.insights;

        dashboard.addSection("API: requests and answers (stage " + InvoiceGroupsApi.STAGE_NAME + ")",
                graph("Requests", THIRD, stage.metricCount(sum("requests"))),
                graph("4xx and 5xx answers", THIRD, stage.metricClientError(sum("4XXError")), stage.metricServerError(sum("5XXError"))),
                graph("Latency at the gateway (ms)", THIRD, stage.metricLatency(stat("p50", "latency p50")),
                        stage.metricLatency(stat("p99", "latency p99")), stage.metricIntegrationLatency(stat("p99", "integration p99"))),
                logQuery("4xx and 5xx by status and gateway response type (access logs)", stack.api.accessLogs, ANSWERS_BY_TYPE_QUERY),
                graph("The function's own 5xx answers and left-out stored items", HALF,
                        OperationalAlarms.functionMetric(FunctionMetrics.SERVER_ERROR_RESPONSES, list).with(sum("5xx answered by the function")),
                        OperationalAlarms.functionMetric(FunctionMetrics.INVALID_STORED_ITEMS, list).with(sum("stored items left out"))));

        dashboard.addSection("Who is calling: tenants by requests and by 429 (Contributor Insights over the access logs)",
                new InsightRuleWidget("Top tenants by requests (- : refused before a tenant was known)", insights.requestsByTenant, HALF),
                new InsightRuleWidget("Top tenants by 429 answers, by response type (THROTTLED, QUOTA_EXCEEDED)",
                        insights.throttledByTenant, HALF),
                graph("Tenants calling and tenants throttled", HALF,
                        insightMetric(insights.requestsByTenant, "UniqueContributors", "tenants calling"),
                        insightMetric(insights.throttledByTenant, "UniqueContributors", "tenants answered 429"),
                        insightMetric(insights.throttledByTenant, "SampleCount", "429 answers")),
                logQuery("429 answers by plan and response type (access logs)", stack.api.accessLogs, THROTTLED_BY_PLAN_QUERY));

        dashboard.addSection("List function",
                graph("Duration in the function (ms)", QUARTER, list.metricDuration(stat("p50", "p50")), list.metricDuration(stat("p99", "p99"))),
                graph("Invocation errors and throttles", QUARTER, list.metricErrors(sum("errors")), list.metricThrottles(sum("throttles"))),
                graph("Concurrent executions", QUARTER, list.metric("ConcurrentExecutions", stat("Maximum", "maximum"))),
                graph("Invocations by version (a canary shows two)", QUARTER, invocationsByVersion(list)));

        dashboard.addSection("Lambda authorizer (runs when API Gateway has no cached decision for a token)",
                graph("Authorizer invocations, errors and throttles (a failure or throttle is a 500)", QUARTER,
                        authorizer.metricInvocations(sum("invocations")), authorizer.metricErrors(sum("errors")),
                        authorizer.metricThrottles(sum("throttles"))),
                graph("Authorizer duration (ms; API Gateway waits 10000)", QUARTER, authorizer.metricDuration(stat("p50", "p50")),
                        authorizer.metricDuration(stat("p99", "p99"))),
                graph("Authorizer concurrent executions (reserved: " + reserved(stack.settings.reservedConcurrency().authorizer()) + ")",
                        QUARTER, authorizer.metric("ConcurrentExecutions", stat("Maximum", "maximum"))),
                graph("List function and trigger throttles", QUARTER, list.metricThrottles(sum("list function")),
                        trigger.metricThrottles(sum("token trigger"))));

        dashboard.addSection("Cold starts: init without SnapStart, restore with it (REPORT records)",
                logQuery("List function", list.getLogGroup(), COLD_STARTS_QUERY),
                logQuery("Token trigger", trigger.getLogGroup(), COLD_STARTS_QUERY),
                logQuery("Lambda authorizer", authorizer.getLogGroup(), COLD_STARTS_QUERY));

        dashboard.addSection("DynamoDB",
                graph("Consumed capacity units", HALF, tableMetrics(stack.store.table, "invoice groups", stack.registry.table, "registry",
                        "ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits")),
                graph("Throttle events", HALF, tableMetrics(stack.store.table, "invoice groups", stack.registry.table, "registry",
                        "ReadThrottleEvents", "WriteThrottleEvents")));

        dashboard.addSection("Tokens: Cognito's pre-token-generation trigger",
                graph("Trigger invocations, errors and throttles", QUARTER, trigger.metricInvocations(sum("invocations")),
                        trigger.metricErrors(sum("errors")), trigger.metricThrottles(sum("throttles"))),
                graph("Trigger duration (ms; Cognito waits 5000)", QUARTER, trigger.metricDuration(stat("p50", "p50")),
                        trigger.metricDuration(stat("p99", "p99"))),
                graph("Trigger concurrent executions (reserved: " + reserved(stack.settings.reservedConcurrency().tokenTrigger()) + ")",
                        QUARTER, trigger.metric("ConcurrentExecutions", stat("Maximum", "maximum"))),
                graph("Token requests of the top app client per 5 minutes (TokenRequestStorm at "
                                + stack.settings.tokenRequestStormThreshold() + ")", QUARTER,
                        CallerInsights.metric(insights.tokenRequestsByClient, "MaxContributorValue", "top app client",
                                OperationalAlarms.PERIOD)),
                new InsightRuleWidget("Token requests per app client (top 10)", insights.tokenRequestsByClient, OperationsDashboard.ROW_WIDTH));

        List<IAlarm> alarms = new ArrayList<>(stack.alarms.alarms);
        if (stack.rollout != null) {
            alarms.addAll(stack.rollout.rollbackAlarms.alarms);
        }
        dashboard.addSection("Alarms",
                AlarmStatusWidget.Builder.create().title("Alarm states").alarms(alarms).width(OperationsDashboard.ROW_WIDTH).build());
    }

    private static String reserved(int reservation) {
        return reservation > 0 ? String.valueOf(reservation) : "none";
    }

    /** A Contributor Insights rule's statistic, per minute. */
    private static IMetric insightMetric(CfnInsightRule rule, String statistic, String label) {
        return CallerInsights.metric(rule, statistic, label, PERIOD);
    }

    /** Lambda's Invocations of alias calls, one line per executed version (a metric search). */
    private static IMetric invocationsByVersion(IFunction function) {
        return MathExpression.Builder.create()
                .expression("SEARCH('{AWS/Lambda,ExecutedVersion,FunctionName,Resource} MetricName=\"Invocations\" FunctionName=\""
                        + function.getFunctionName() + "\"', 'Sum', 60)")
                .label("version ${PROP('Dim.ExecutedVersion')}") // CloudWatch's dynamic label, one per search result
                .period(PERIOD)
                .build();
    }

    private static IMetric[] tableMetrics(ITableV2 first, String firstLabel, ITableV2 second, String secondLabel,
                                          String... metricNames) {
        List<IMetric> metrics = new ArrayList<>();
        for (String name : metricNames) {
            metrics.add(first.metric(name, sum(firstLabel + " " + name)));
            metrics.add(second.metric(name, sum(secondLabel + " " + name)));
        }
        return metrics.toArray(IMetric[]::new);
    }

    private static GraphWidget graph(String title, int width, IMetric... metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.of(metrics))
                .width(width)
                .height(OperationsDashboard.GRAPH_HEIGHT)
                .build();
    }

    private static LogQueryWidget logQuery(String title, ILogGroup logGroup, String query) {
        return LogQueryWidget.Builder.create()
                .title(title)
                .logGroupNames(List.of(logGroup.getLogGroupName()))
                .queryString(query)
                .view(LogQueryVisualizationType.TABLE)
                .width(HALF)
                .height(OperationsDashboard.GRAPH_HEIGHT)
                .build();
    }

    private static MetricOptions sum(String label) {
        return stat("Sum", label);
    }

    private static MetricOptions stat(String statistic, String label) {
        return MetricOptions.builder().statistic(statistic).label(label).period(PERIOD).build();
    }
}
