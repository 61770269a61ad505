package invoicegroups.boundary;

import invoicegroups.table.FunctionMetrics;
import java.io.StringWriter;
import java.time.Clock;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the function's CloudWatch metrics ({@link FunctionMetrics}) as embedded-metric-format log lines on standard
 * output: CloudWatch Logs extracts the metric from the log event, so the request path makes no API call.
 *
 * <p>One line per count, one JSON object on one line, as the EMF specification asks
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * {@code {"_aws":{"Timestamp":...,"CloudWatchMetrics":[{"Namespace":"InvoiceGroups","Dimensions":[["FunctionName"],
 * ["FunctionName","ExecutedVersion"]],"Metrics":[{"Name":"InvalidStoredItems","Unit":"Count"}]}]},"FunctionName":"...",
 * "ExecutedVersion":"7","InvalidStoredItems":1}}: one count, two metrics (the function's, and its version's, which
 * the canary's rollback alarms watch).
 * Standard output, not the LambdaLogger: with the function's JSON log format Lambda wraps LambdaLogger messages in
 * its own JSON object, but leaves a line that already is JSON as it is
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html).
 */
public final class EmbeddedMetrics {

    private static final String UNIT = "Count";

    private final JsonFactory json;
    private final String functionName;
    private final String functionVersion;
    private final Clock clock;
    private final Consumer<String> out;

    /**
     * @param functionName the first dimension's value: the Lambda function's name ({@code AWS_LAMBDA_FUNCTION_NAME})
     * @param functionVersion the second's: the version answering ({@code AWS_LAMBDA_FUNCTION_VERSION})
     * @param out where each line goes (standard output in Lambda)
     */
    EmbeddedMetrics(JsonFactory json, String functionName, String functionVersion, Clock clock,
            Consumer<String> out) {
        this.json = json;
        this.functionName = functionName;
        this.functionVersion = functionVersion;
        this.clock = clock;
        this.out = out;
    }

    /** To standard output, looked up on each line (so a test that swaps {@code System.out} sees them). */
    static EmbeddedMetrics toStandardOutput(JsonFactory json, String functionName, String functionVersion) {
        return new EmbeddedMetrics(json, functionName, functionVersion, Clock.systemUTC(),
                line -> System.out.println(line));
    }

    /** Counts one of {@code metric} (a {@link FunctionMetrics} name). */
    void countOne(String metric) {
        out.accept(line(metric, 1));
    }

    String line(String metric, long count) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), line)) {
            generator.writeStartObject();
            generator.writeObjectPropertyStart("_aws");
            generator.writeNumberProperty("Timestamp", clock.millis());
            generator.writeArrayPropertyStart("CloudWatchMetrics");
            generator.writeStartObject();
            generator.writeStringProperty("Namespace", FunctionMetrics.NAMESPACE);
            generator.writeArrayPropertyStart("Dimensions");
            generator.writeStartArray();
            generator.writeString(FunctionMetrics.FUNCTION_NAME_DIMENSION);
            generator.writeEndArray();
            generator.writeStartArray();
            generator.writeString(FunctionMetrics.FUNCTION_NAME_DIMENSION);
            generator.writeString(FunctionMetrics.EXECUTED_VERSION_DIMENSION);
            generator.writeEndArray();
            generator.writeEndArray();
            generator.writeArrayPropertyStart("Metrics");
            generator.writeStartObject();
            generator.writeStringProperty("Name", metric);
            generator.writeStringProperty("Unit", UNIT);
            generator.writeEndObject();
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeStringProperty(FunctionMetrics.FUNCTION_NAME_DIMENSION, functionName);
            generator.writeStringProperty(FunctionMetrics.EXECUTED_VERSION_DIMENSION, functionVersion);
            generator.writeNumberProperty(metric, count);
            generator.writeEndObject();
        }
        return line.toString();
    }
}
