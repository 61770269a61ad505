package invoicegroups.infra;

import invoicegroups.table.FunctionMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.Stage;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.OperationsMetricOptions;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alarms a platform team needs on day one, all notifying one SNS topic (plus an e-mail address when
 * {@code alarmEmail} is set): API 5xx rate and p99 latency (REST API metrics), the function's own 5xx answers and
 * left-out stored items (its embedded-metric-format metrics), Lambda errors and throttles, DynamoDB throttling, and a
 * token-request storm (one app client asking Cognito for tokens far more often than a client that caches them).
 * They watch the whole stage and function, every version together, and gate no deployment: the canary is gated by
 * {@link RollbackAlarms}, each on the version being rolled out.
 *
 * <p>REST API metric names and dimensions (ApiName, Stage):
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html.
 */
final class OperationalAlarms extends Construct {

    static final Duration PERIOD = Duration.minutes(5);
    /** Latency alarms on 3 of 3 periods: one slow cold burst is not a page. */
    static final int LATENCY_EVALUATION_PERIODS = 3;
    /** Any Lambda error or throttle, any DynamoDB throttle, any 5xx the function answers is worth a look. */
    static final int COUNT_THRESHOLD = 1;
    static final String CLOUDWATCH = "cloudwatch.amazonaws.com";
    /** A storm must last two periods (10 minutes): one fleet restart fetching tokens at once is not a page. */
    static final int STORM_EVALUATION_PERIODS = 2;

    final Key key;
    final Topic topic;
    final List<Alarm> alarms = new ArrayList<>();

    OperationalAlarms(Construct scope, String id, Settings settings, Stage stage, IFunction function, ITableV2 table,
                      CallerInsights insights) {
        super(scope, id);
        // SNS encryption with a customer managed key: CloudWatch cannot publish to a topic under the AWS managed key.
        this.key = Key.Builder.create(this, "TopicKey")
                .description("Encrypts the invoice groups alarm topic")
                .enableKeyRotation(true)
                .removalPolicy(settings.removalPolicy())
                .build();
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("Invoice groups API alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        // The topic policy replaces SNS's default policy, so CloudWatch must be allowed explicitly, and only for
        // this account's alarms (confused-deputy conditions); the key grant carries the same conditions.
        Map<String, Object> thisAccountsAlarms = thisAccountsAlarms();
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsPublish")
                .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(thisAccountsAlarms)
                .build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsEncrypt")
                .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(thisAccountsAlarms)
                .build());
        settings.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));

        MetricOptions sum = MetricOptions.builder().statistic("Sum").period(PERIOD).build();
        // Count is read with SampleCount, 5XXError with Sum (the metrics page above).
        MetricOptions sampleCount = MetricOptions.builder().statistic("SampleCount").period(PERIOD).build();
        alarm("ApiServerErrorRate", settings.serverErrorRateAlarmPercent()
                        + "% or more of API requests answered 5xx in 5 minutes",
                MathExpression.Builder.create()
                        .expression("100 * errors / requests")
                        .usingMetrics(new TreeMap<>(Map.of(
                                "errors", stage.metricServerError(sum),
                                "requests", stage.metricCount(sampleCount))))
                        .label("5xx rate (%)")
                        .period(PERIOD)
                        .build(),
                settings.serverErrorRateAlarmPercent(), 1);
        alarm("ApiLatencyP99", "API p99 latency above " + settings.latencyP99AlarmMillis() + " ms for 15 minutes",
                stage.metricLatency(MetricOptions.builder().statistic("p99").period(PERIOD).build()),
                settings.latencyP99AlarmMillis(), LATENCY_EVALUATION_PERIODS);
        alarm("FunctionServerErrors", "The list function answered 5xx (500 or 503): it reports each one as "
                        + FunctionMetrics.SERVER_ERROR_RESPONSES + "; see its logs for the cause",
                functionMetric(FunctionMetrics.SERVER_ERROR_RESPONSES, function), COUNT_THRESHOLD, 1);
        alarm("InvalidStoredItems", "Stored invoice groups break the item contract and were left out of listings ("
                        + FunctionMetrics.INVALID_STORED_ITEMS + "); fix the items named in the function's logs",
                functionMetric(FunctionMetrics.INVALID_STORED_ITEMS, function), COUNT_THRESHOLD, 1);
        alarm("FunctionErrors", "The list function's invocation failed (crash, timeout or out of memory); failures it"
                        + " answers itself as 5xx are counted by the FunctionServerErrors alarm instead",
                function.metricErrors(sum), COUNT_THRESHOLD, 1);
        alarm("FunctionThrottles", "Lambda throttled the list invoice groups function (concurrency exhausted)",
                function.metricThrottles(sum), COUNT_THRESHOLD, 1);
        alarm("TableThrottles", "DynamoDB throttled the function's queries",
                table.metricThrottledRequestsForOperations(OperationsMetricOptions.builder()
                        .operations(List.of(Operation.QUERY))
                        .statistic("Sum")
                        .period(PERIOD)
                        .build()),
                COUNT_THRESHOLD, 1);
        alarm("TokenRequestStorm", "One app client asked Cognito for " + settings.tokenRequestStormThreshold()
                        + " or more tokens in 5 minutes, twice in a row: it fetches a token per call instead of caching"
                        + " it, and every token request is billed. Contributor Insights rule "
                        + settings.stackName() + CallerInsights.TOKEN_REQUESTS_BY_CLIENT + " names it",
                CallerInsights.metric(insights.tokenRequestsByClient, "MaxContributorValue", "token requests of the top app client",
                        PERIOD),
                settings.tokenRequestStormThreshold(), STORM_EVALUATION_PERIODS);
    }

    /** One of the function's embedded-metric-format metrics, named and dimensioned by {@link FunctionMetrics}. */
    static Metric functionMetric(String metricName, IFunction function) {
        return Metric.Builder.create()
                .namespace(FunctionMetrics.NAMESPACE)
                .metricName(metricName)
                .dimensionsMap(Map.of(FunctionMetrics.FUNCTION_NAME_DIMENSION, function.getFunctionName()))
                .statistic("Sum")
                .period(PERIOD)
                .build();
    }

    private static Map<String, Object> thisAccountsAlarms() {
        return Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                "ArnLike", Map.of("aws:SourceArn",
                        "arn:" + Aws.PARTITION + ":cloudwatch:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":alarm:*"));
    }

    /** Alarms when the metric reaches the threshold; no traffic means no data, and no data is not an incident. */
    private void alarm(String id, String description, IMetric metric, double threshold, int evaluationPeriods) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(evaluationPeriods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarms.add(alarm);
    }
}
