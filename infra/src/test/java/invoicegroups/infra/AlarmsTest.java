package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class AlarmsTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;

    @Test
    void everyAlarmNotifiesTheAlarmTopic() {
        String topicId = DEFAULTS.resources("AWS::SNS::Topic").keySet().iterator().next();
        assertThat(DEFAULTS.resources("AWS::CloudWatch::Alarm")).hasSize(5).allSatisfy((id, alarm) -> {
            assertThat((Object) at(alarm, "Properties", "AlarmActions")).isEqualTo(List.of(Map.of("Ref", topicId)));
            assertThat((Object) at(alarm, "Properties", "TreatMissingData")).isEqualTo("notBreaching");
        });
    }

    @Test
    void apiServerErrorRateIsFiveXxOverRequests() {
        Object rate = Match.objectLike(Map.of("Expression", "100 * errors / requests"));
        Object errors = Match.objectLike(Map.of("Id", "errors", "MetricStat", Match.objectLike(Map.of(
                "Metric", Match.objectLike(Map.of("MetricName", "5xx", "Namespace", "AWS/ApiGateway")),
                "Stat", "Sum"))));
        Object requests = Match.objectLike(Map.of("Id", "requests", "MetricStat", Match.objectLike(Map.of(
                "Metric", Match.objectLike(Map.of("MetricName", "Count", "Namespace", "AWS/ApiGateway")),
                "Stat", "Sum"))));
        for (Object metric : List.of(rate, errors, requests)) {
            DEFAULTS.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Threshold", Settings.DEFAULT_SERVER_ERROR_RATE_ALARM_PERCENT,
                    "Metrics", Match.arrayWith(List.of(metric))));
        }
    }

    @Test
    void apiP99LatencyHasItsOwnAlarm() {
        DEFAULTS.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "Latency", "Namespace", "AWS/ApiGateway", "ExtendedStatistic", "p99",
                "Threshold", Settings.DEFAULT_LATENCY_P99_ALARM_MILLIS,
                "EvaluationPeriods", OperationalAlarms.LATENCY_EVALUATION_PERIODS));
    }

    @Test
    void lambdaErrorsAndThrottlesAlarmOnTheFirstOne() {
        for (String metric : List.of("Errors", "Throttles")) {
            DEFAULTS.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "MetricName", metric, "Namespace", "AWS/Lambda", "Statistic", "Sum", "Threshold", 1,
                    "ComparisonOperator", "GreaterThanOrEqualToThreshold"));
        }
    }

    @Test
    void dynamoDbThrottledQueriesAlarm() {
        Object throttledQueries = Match.objectLike(Map.of(
                "MetricName", "ThrottledRequests",
                "Namespace", "AWS/DynamoDB",
                "Dimensions", Match.arrayWith(List.of(Map.of("Name", "Operation", "Value", "Query")))));
        DEFAULTS.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Threshold", 1,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "MetricStat", Match.objectLike(Map.of("Metric", throttledQueries))))))));
    }

    @Test
    void theTopicIsEncryptedTlsOnlyAndHasNoSubscriptionUnlessAnEmailIsConfigured() {
        Map<String, Object> topic = at(DEFAULTS.only("AWS::SNS::Topic"), "Properties");
        String keyId = DEFAULTS.resources("AWS::KMS::Key").keySet().iterator().next();
        assertThat((Object) at(topic, "KmsMasterKeyId")).isEqualTo(Map.of("Fn::GetAtt", List.of(keyId, "Arn")));
        DEFAULTS.template().hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))),
                "Version", "2012-10-17")));
        DEFAULTS.template().resourceCountIs("AWS::SNS::Subscription", 0);
    }
}
