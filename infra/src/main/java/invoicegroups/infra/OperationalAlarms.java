package invoicegroups.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.OperationsMetricOptions;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alarms a platform team needs on day one, all notifying one SNS topic (plus an e-mail address when
 * {@code alarmEmail} is set): API 5xx rate, API p99 latency, Lambda errors and throttles, DynamoDB throttling.
 */
final class OperationalAlarms extends Construct {

    static final Duration PERIOD = Duration.minutes(5);
    /** Latency alarms on 3 of 3 periods: one slow cold burst is not a page. */
    static final int LATENCY_EVALUATION_PERIODS = 3;
    /** Any Lambda error or throttle, any DynamoDB throttle is worth a look. */
    static final int COUNT_THRESHOLD = 1;

    final Topic topic;

    OperationalAlarms(Construct scope, String id, Settings settings, HttpApi api, IFunction function, ITableV2 table) {
        super(scope, id);
        // SNS encryption with a customer managed key: CloudWatch cannot publish to a topic under the AWS managed key.
        Key key = Key.Builder.create(this, "TopicKey")
                .description("Encrypts the invoice groups alarm topic")
                .enableKeyRotation(true)
                .removalPolicy(settings.destroyable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("Invoice groups API alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        settings.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));

        MetricOptions sum = MetricOptions.builder().statistic("Sum").period(PERIOD).build();
        alarm("ApiServerErrorRate", settings.serverErrorRateAlarmPercent()
                        + "% or more of API requests answered 5xx in 5 minutes",
                MathExpression.Builder.create()
                        .expression("100 * errors / requests")
                        .usingMetrics(new TreeMap<>(Map.of("errors", api.metricServerError(sum), "requests", api.metricCount(sum))))
                        .label("5xx rate (%)")
                        .period(PERIOD)
                        .build(),
                settings.serverErrorRateAlarmPercent(), 1);
        alarm("ApiLatencyP99", "API p99 latency above " + settings.latencyP99AlarmMillis() + " ms for 15 minutes",
                api.metricLatency(MetricOptions.builder().statistic("p99").period(PERIOD).build()),
                settings.latencyP99AlarmMillis(), LATENCY_EVALUATION_PERIODS);
        alarm("FunctionErrors", "The list invoice groups function failed (errors, timeouts or crashes)",
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
    }
}
