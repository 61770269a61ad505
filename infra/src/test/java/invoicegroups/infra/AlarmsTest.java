package invoicegroups.infra;

import static invoicegroups.infra.Synthesized.at;
import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.table.FunctionMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class AlarmsTest {

    private static final Synthesized DEFAULTS = Synthesized.DEFAULTS;
    private static final Object REST_API_DIMENSIONS = Match.arrayWith(List.of(
            Map.of("Name", "ApiName", "Value", Settings.DEFAULT_STACK_NAME),
            Map.of("Name", "Stage", "Value", Map.of("Ref", ApiStageId.id()))));

    /** Resolved lazily: the stage's logical id. */
    private static final class ApiStageId {
        static String id() {
            return DEFAULTS.resources("AWS::ApiGateway::Stage").keySet().iterator().next();
        }
    }

    static List<String> notifyingAlarmIds() {
        return DEFAULTS.stack().alarms.alarms.stream().map(DEFAULTS::logicalIdOf).toList();
    }

    @Test
    void theEightOperationalAlarmsNotifyTheAlarmTopicAndEveryAlarmTreatsNoTrafficAsFine() {
        String topicId = DEFAULTS.resources("AWS::SNS::Topic").keySet().iterator().next();
        Map<String, Map<String, Object>> alarms = DEFAULTS.resources("AWS::CloudWatch::Alarm");
        assertThat(notifyingAlarmIds()).hasSize(8).allSatisfy(id ->
                assertThat((Object) at(alarms.get(id), "Properties", "AlarmActions")).isEqualTo(List.of(Map.of("Ref", topicId))));
        assertThat(alarms).allSatisfy((id, alarm) ->
                assertThat((Object) at(alarm, "Properties", "TreatMissingData")).isEqualTo("notBreaching"));
        // Every other alarm is a rollback alarm: it stops a canary and notifies nobody (the eight above page).
        List<String> rollbackAlarmIds = RolloutTest.rollbackAlarmIds();
        assertThat(alarms.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(notifyingAlarmIds().stream(), rollbackAlarmIds.stream()).toList());
        assertThat(rollbackAlarmIds).allSatisfy(id ->
                assertThat((Map<String, Object>) at(alarms.get(id), "Properties")).doesNotContainKey("AlarmActions"));
    }

    @Test
    void apiServerErrorRateIsTheRestApis5XXErrorOverCountOnThisStage() {
        Object rate = Match.objectLike(Map.of("Expression", "100 * errors / requests"));
        Object errors = Match.objectLike(Map.of("Id", "errors", "MetricStat", Match.objectLike(Map.of(
                "Metric", Match.objectLike(Map.of("MetricName", "5XXError", "Namespace", "AWS/ApiGateway",
                        "Dimensions", REST_API_DIMENSIONS)),
                "Stat", "Sum"))));
        Object requests = Match.objectLike(Map.of("Id", "requests", "MetricStat", Match.objectLike(Map.of(
                "Metric", Match.objectLike(Map.of("MetricName", "Count", "Namespace", "AWS/ApiGateway",
                        "Dimensions", REST_API_DIMENSIONS)),
                "Stat", "SampleCount"))));
        DEFAULTS.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Threshold", Settings.DEFAULT_SERVER_ERROR_RATE_ALARM_PERCENT,
                "Metrics", Match.arrayWith(List.of(rate, errors, requests))));
    }

    @Test
    void apiP99LatencyAlarmsOnTheRestApisStage() {
        DEFAULTS.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "Latency", "Namespace", "AWS/ApiGateway", "ExtendedStatistic", "p99",
                "Dimensions", REST_API_DIMENSIONS,
                "Threshold", Settings.DEFAULT_LATENCY_P99_ALARM_MILLIS,
                "EvaluationPeriods", OperationalAlarms.LATENCY_EVALUATION_PERIODS));
    }

    @Test
    void theFunctionsOwnMetricsAlarmOnTheFirstOneWithItsNameAsDimension() {
        for (String metric : List.of(FunctionMetrics.SERVER_ERROR_RESPONSES, FunctionMetrics.INVALID_STORED_ITEMS)) {
            DEFAULTS.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Namespace", FunctionMetrics.NAMESPACE,
                    "MetricName", metric,
                    "Dimensions", List.of(Map.of("Name", FunctionMetrics.FUNCTION_NAME_DIMENSION,
                            "Value", Map.of("Ref", ListFunctionTest.listFunctionId()))),
                    "Statistic", "Sum", "Threshold", 1, "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                    "AlarmDescription", Match.stringLikeRegexp(".*" + metric + ".*")));
        }
    }

    @Test
    void lambdaErrorsSaysItSeesCrashesAndTimeoutsNotTheFunctionsOwn5xx() {
        DEFAULTS.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "Errors", "Namespace", "AWS/Lambda", "Statistic", "Sum", "Threshold", 1,
                "AlarmDescription", Match.stringLikeRegexp(".*crash, timeout.*FunctionServerErrors.*")));
        DEFAULTS.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "Throttles", "Namespace", "AWS/Lambda", "Statistic", "Sum", "Threshold", 1));
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

    /** Alarm -> action -> topic -> topic policy and key policy: CloudWatch may publish, for this account's alarms only. */
    @Test
    void everyAlarmActionLeadsToATopicCloudWatchMayPublishToAndWhoseKeyItMayUse() {
        Map<String, Map<String, Object>> topics = DEFAULTS.resources("AWS::SNS::Topic");
        Map<String, Map<String, Object>> topicPolicies = DEFAULTS.resources("AWS::SNS::TopicPolicy");
        Map<String, Map<String, Object>> keys = DEFAULTS.resources("AWS::KMS::Key");
        List<String> walked = new ArrayList<>();
        DEFAULTS.resources("AWS::CloudWatch::Alarm").forEach((alarmId, alarm) -> {
            List<Map<String, Object>> actions = at(alarm, "Properties", "AlarmActions");
            if (actions == null) {
                return;
            }
            for (Map<String, Object> action : actions) {
                String topicId = (String) action.get("Ref");
                assertThat(topics).as(alarmId + " -> topic").containsKey(topicId);
                List<Map<String, Object>> topicStatements = topicPolicies.values().stream()
                        .filter(policy -> ((List<?>) at(policy, "Properties", "Topics")).contains(Map.of("Ref", topicId)))
                        .flatMap(policy -> Synthesized.<List<Map<String, Object>>>at(policy, "Properties", "PolicyDocument", "Statement").stream())
                        .toList();
                assertThat(topicStatements).as(topicId + " policy").anySatisfy(statement -> {
                    assertThat(statement).containsEntry("Effect", "Allow")
                            .containsEntry("Principal", Map.of("Service", "cloudwatch.amazonaws.com"))
                            .containsEntry("Action", "sns:Publish")
                            .containsEntry("Resource", Map.of("Ref", topicId));
                    assertThisAccountsAlarmsOnly(statement);
                });
                String keyId = at(topics.get(topicId), "Properties", "KmsMasterKeyId", "Fn::GetAtt", 0);
                List<Map<String, Object>> keyStatements = at(keys.get(keyId), "Properties", "KeyPolicy", "Statement");
                assertThat(keyStatements).as(keyId + " key policy").anySatisfy(statement -> {
                    assertThat(statement).containsEntry("Effect", "Allow")
                            .containsEntry("Principal", Map.of("Service", "cloudwatch.amazonaws.com"))
                            .containsEntry("Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"));
                    assertThisAccountsAlarmsOnly(statement);
                });
                // And nothing grants CloudWatch the key without those conditions.
                assertThat(keyStatements).filteredOn(statement -> String.valueOf(statement.get("Principal")).contains("cloudwatch"))
                        .allSatisfy(AlarmsTest::assertThisAccountsAlarmsOnly);
                walked.add(alarmId);
            }
        });
        assertThat(walked).containsExactlyInAnyOrderElementsOf(notifyingAlarmIds());
    }

    private static void assertThisAccountsAlarmsOnly(Map<String, Object> statement) {
        assertThat((Object) at(statement, "Condition", "StringEquals", "aws:SourceAccount")).isEqualTo(Map.of("Ref", "AWS::AccountId"));
        assertThat((Object) at(statement, "Condition", "ArnLike", "aws:SourceArn")).isEqualTo(Map.of("Fn::Join", List.of("", List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":cloudwatch:", Map.of("Ref", "AWS::Region"), ":",
                Map.of("Ref", "AWS::AccountId"), ":alarm:*"))));
    }

    @Test
    void theTopicIsEncryptedTlsOnlyAndHasNoSubscriptionUnlessAnEmailIsConfigured() {
        DEFAULTS.template().hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
        DEFAULTS.template().resourceCountIs("AWS::SNS::Subscription", 0);
        assertThat(Stream.of("AWS::SNS::Topic", "AWS::KMS::Key", "AWS::SNS::TopicPolicy"))
                .allSatisfy(type -> assertThat(DEFAULTS.resources(type)).hasSize(1));
    }
}
