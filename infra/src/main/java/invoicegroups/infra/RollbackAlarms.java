package invoicegroups.infra;

import invoicegroups.table.FunctionMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * The alarms that gate the canary (SafeRollout): each watches the version being rolled out on its own, so the 10%
 * of requests it serves are not diluted by the 90% the old version still answers, and none reads the REST API's stage
 * (the API alarms would close a dependency loop: alias update policy, deployment group, alarm, stage, deployment,
 * method, alias).
 *
 * <p>Lambda publishes Errors and Duration of alias invocations per executed version, dimensions FunctionName,
 * Resource ({@code function:alias}) and ExecutedVersion, "to compare error rates for two versions of a function that
 * are both targets of a weighted alias" (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-view.html),
 * which is what CodeDeploy makes of the alias during the canary. One-minute periods: the 10% step lasts 5 minutes, so
 * an alarm must be able to fire well inside it; CodeDeploy stops and rolls back a deployment whose alarm fires
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/monitoring-create-alarms.html, at most ten alarms).
 */
final class RollbackAlarms extends Construct {

    static final Duration PERIOD = Duration.minutes(1);
    /**
     * Lambda's dimension for the version an alias invocation ran; the function's own metrics carry it under the same
     * name ({@link FunctionMetrics#EXECUTED_VERSION_DIMENSION}, from AWS_LAMBDA_FUNCTION_VERSION).
     */
    static final String EXECUTED_VERSION_DIMENSION = FunctionMetrics.EXECUTED_VERSION_DIMENSION;
    static final String RESOURCE_DIMENSION = "Resource";
    /** Latency: 2 slow minutes of 3, so one slow request after a restore is not a rollback. */
    static final int LATENCY_DATAPOINTS_TO_ALARM = 2;
    static final int LATENCY_EVALUATION_PERIODS = 3;
    /** Any failed request of the new version is a reason to stop. */
    static final int COUNT_THRESHOLD = 1;

    final List<Alarm> alarms = new ArrayList<>();

    RollbackAlarms(Construct scope, String id, Settings settings, SnapStartFunction list) {
        super(scope, id);
        String functionName = list.function.getFunctionName();
        String newVersion = list.version.getVersion();
        Map<String, String> lambdaDimensions = new TreeMap<>(Map.of(
                "FunctionName", functionName,
                RESOURCE_DIMENSION, functionName + ":" + SnapStartFunction.ALIAS_NAME,
                EXECUTED_VERSION_DIMENSION, newVersion));

        alarm("NewVersionErrors", "Invocations of the version being rolled out failed (crash, timeout, out of memory):"
                        + " CodeDeploy moves the live alias back",
                metric("AWS/Lambda", "Errors", "Sum", lambdaDimensions), COUNT_THRESHOLD, 1, 1);
        alarm("NewVersionLatencyP99", "The version being rolled out took " + settings.latencyP99AlarmMillis()
                        + " ms or more at p99 (Lambda Duration) in 2 of 3 minutes: CodeDeploy moves the live alias back",
                metric("AWS/Lambda", "Duration", "p99", lambdaDimensions), settings.latencyP99AlarmMillis(),
                LATENCY_DATAPOINTS_TO_ALARM, LATENCY_EVALUATION_PERIODS);
        // The function writes each count also with dimensions FunctionName and ExecutedVersion.
        alarm("NewVersionServerErrors", "The version being rolled out answered 5xx (" + FunctionMetrics.SERVER_ERROR_RESPONSES
                        + " of that version): CodeDeploy moves the live alias back",
                metric(FunctionMetrics.NAMESPACE, FunctionMetrics.SERVER_ERROR_RESPONSES, "Sum", new TreeMap<>(Map.of(
                        FunctionMetrics.FUNCTION_NAME_DIMENSION, functionName,
                        EXECUTED_VERSION_DIMENSION, newVersion))),
                COUNT_THRESHOLD, 1, 1);
    }

    private static Metric metric(String namespace, String name, String statistic, Map<String, String> dimensions) {
        return Metric.Builder.create()
                .namespace(namespace)
                .metricName(name)
                .dimensionsMap(dimensions)
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }

    /**
     * No traffic to the new version means no data, and no data is not a reason to roll back. No action: these alarms
     * stop a canary; the same failures reach the alarm topic through OperationalAlarms.
     */
    private void alarm(String id, String description, Metric metric, double threshold, int datapoints, int periods) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .datapointsToAlarm(datapoints)
                .evaluationPeriods(periods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarms.add(alarm);
    }
}
